package io.kamplatform.kit.recording;

import io.kamplatform.kit.api.BatchItemResult;
import io.kamplatform.kit.api.BatchRecording;
import io.kamplatform.kit.api.EventReceipt;
import io.kamplatform.kit.problem.Problem;
import io.kamplatform.kit.problem.ProblemException;
import io.kamplatform.kit.problem.ProblemType;
import io.kamplatform.kit.problem.Violation;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** How outcomes are answered over HTTP: a single event's response, a batch item's result, the problems. */
public final class OutcomeAnswers {

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private OutcomeAnswers() {
    }

    /** 201 with the receipt; 200 and Idempotent-Replayed for a retry; otherwise the problem is thrown. */
    public static Response single(RecordingOutcome outcome) {
        return switch (outcome) {
            case RecordingOutcome.Recorded r -> receipt(Response.Status.CREATED, EventReceipt.of(r.event())).build();
            case RecordingOutcome.Replayed r -> receipt(Response.Status.OK, EventReceipt.of(r.event()))
                    .header(REPLAYED_HEADER, "true").build();
            default -> throw new ProblemException(problem(outcome, ""));
        };
    }

    public static BatchItemResult batchItem(int index, String eventId, RecordingOutcome outcome) {
        return switch (outcome) {
            case RecordingOutcome.Recorded r -> new BatchItemResult(index, eventId, BatchItemResult.Status.RECORDED,
                    EventReceipt.of(r.event()), null);
            case RecordingOutcome.Replayed r -> new BatchItemResult(index, eventId, BatchItemResult.Status.DUPLICATE,
                    EventReceipt.of(r.event()), null);
            default -> BatchRecording.rejected(index, eventId, problem(outcome, BatchRecording.prefix(index) + "."));
        };
    }

    /** The problem for an outcome that recorded nothing; field paths start with {@code fieldPrefix}. */
    public static Problem problem(RecordingOutcome outcome, String fieldPrefix) {
        return switch (outcome) {
            case RecordingOutcome.Rejected r -> {
                Problem problem = Problem.of(ProblemType.RULE_VIOLATION, r.message()).withCode(r.code());
                yield r.dataField() == null ? problem
                        : problem.withViolations(List.of(new Violation(fieldPrefix + "data." + r.dataField(), r.message())));
            }
            case RecordingOutcome.Refused r -> Problem.of(r.type(), r.detail())
                    .withViolations(List.of(new Violation(fieldPrefix + r.field(), r.fieldMessage())));
            case RecordingOutcome.VersionConflict c -> Problem.of(ProblemType.VERSION_CONFLICT,
                            "expected version " + c.expectedVersion() + " but the stream is at version "
                                    + c.currentVersion() + "; reload it and decide again")
                    .withVersions(c.expectedVersion(), c.currentVersion());
            case RecordingOutcome.EventIdReused e -> Problem.of(ProblemType.EVENT_ID_REUSED,
                            "event id '" + e.eventId() + "' was already used for a different event; use a new id for a new event")
                    .withViolations(List.of(new Violation(fieldPrefix + "eventId", "already used for a different event")));
            case RecordingOutcome.Recorded r -> throw new IllegalArgumentException("not a problem");
            case RecordingOutcome.Replayed r -> throw new IllegalArgumentException("not a problem");
        };
    }

    private static Response.ResponseBuilder receipt(Response.Status status, EventReceipt receipt) {
        return Response.status(status)
                .entity(receipt)
                .type(MediaType.APPLICATION_JSON)
                .tag(new EntityTag(Long.toString(receipt.version())));
    }
}
