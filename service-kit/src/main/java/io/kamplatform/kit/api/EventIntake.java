package io.kamplatform.kit.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.kamplatform.kit.json.StrictJson;
import io.kamplatform.kit.problem.Problem;
import io.kamplatform.kit.problem.ProblemException;
import io.kamplatform.kit.problem.Violation;
import io.kamplatform.kit.recording.EventRecorder;
import io.kamplatform.kit.recording.EventSubmission;
import io.kamplatform.kit.recording.OutcomeAnswers;
import io.kamplatform.kit.recording.StreamRouting;
import io.kamplatform.kit.store.EventCatalog;
import io.kamplatform.kit.validation.CrmId;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a writer's two event endpoints do, whatever the writer: {@code POST /api/accounts/{accountId}/events} (one
 * event) and {@code POST /api/<writer>-events/batch} (up to {@value #MAX_BATCH_ITEMS}, one result per item). The
 * writer's resource classes only carry the paths and the OpenAPI documentation and call {@link #recordOne} and
 * {@link #recordBatch}; the writer supplies its catalogue (types and their records), its stream routing and its
 * {@link EventRecorder}.
 *
 * <p>Reading a posted event: the account id ({@link CrmId}), then the envelope and the data ({@link EventReader}),
 * every invalid field in one problem; then the submission aimed at its stream.
 *
 * @param <E> the writer's events
 */
public final class EventIntake<E> {

    /** Items per batch request, at most. */
    public static final int MAX_BATCH_ITEMS = 1000;

    private final StrictJson json;
    private final EventReader reader;
    private final EventCatalog<E, ?> catalog;
    private final StreamRouting<E> routing;
    private final EventRecorder<E> recorder;

    public EventIntake(StrictJson json, EventReader reader, EventCatalog<E, ?> catalog, StreamRouting<E> routing,
                       EventRecorder<E> recorder) {
        this.json = json;
        this.reader = reader;
        this.catalog = catalog;
        this.routing = routing;
        this.recorder = recorder;
    }

    /** One event about {@code accountId}: 201 with the receipt, 200 for a retry, otherwise the problem. */
    public Uni<Response> recordOne(String accountId, String ifMatch, byte[] body) {
        SingleEvent request = json.read(body, SingleEvent.class);
        Long expectedVersion = ExpectedVersion.resolve(request.expectedVersion(), ifMatch);
        Read<E> read = read("", accountId, request.eventId(), request.type(), request.occurredAt(), expectedVersion,
                request.data());
        if (read.problem() != null) {
            throw new ProblemException(read.problem());
        }
        return recorder.record(read.submission()).map(OutcomeAnswers::single);
    }

    /** A bulk load: every item read on its own, the readable ones decided in order in one transaction. */
    public Uni<BatchResult> recordBatch(byte[] body) {
        return BatchRecording.record(json.read(body, BatchRecording.Body.class), MAX_BATCH_ITEMS, json, BatchItem.class,
                (index, item) -> {
                    Read<E> read = read(BatchRecording.prefix(index), item.accountId(), item.eventId(), item.type(),
                            item.occurredAt(), item.expectedVersion(), item.data());
                    return read.problem() != null ? BatchRecording.Read.failed(item.eventId(), read.problem())
                            : BatchRecording.Read.ok(item.eventId(), read.submission());
                },
                recorder::recordAll, OutcomeAnswers::batchItem);
    }

    /** A posted event as a submission aimed at its stream, or a problem listing every invalid field. */
    Read<E> read(String prefix, String accountId, String eventId, String type, Instant occurredAt,
                 Long expectedVersion, JsonNode data) {
        List<Violation> violations = new ArrayList<>();
        if (!CrmId.isValid(accountId)) {
            violations.add(new Violation(EventReader.path(prefix, "accountId"), CrmId.MESSAGE));
        }
        EventReader.Result<E> result = reader.read(catalog, prefix, accountId, eventId, type, occurredAt,
                expectedVersion, data, violations);
        if (result.problem() != null) {
            return new Read<>(null, result.problem());
        }
        PostedEvent<E> posted = result.posted();
        return new Read<>(new EventSubmission<>(accountId, routing.streamOf(accountId, posted.event()), posted.eventId(),
                posted.type(), posted.occurredAt(), posted.expectedVersion(), posted.event(), posted.requestHash()), null);
    }

    /** Either a submission or a problem. */
    record Read<E>(EventSubmission<E> submission, Problem problem) {
    }

    /**
     * The body of the single-event endpoint, bound strictly (unknown fields refused). The writers document it with
     * their own request records ({@code AccountEventRequest}, ...), which have exactly these fields.
     */
    public record SingleEvent(String eventId, String type, Instant occurredAt, Long expectedVersion, JsonNode data) {
    }

    /** One item of a batch, bound strictly; documented by the writers' own item records. */
    public record BatchItem(String accountId, String eventId, String type, Instant occurredAt, Long expectedVersion,
                            JsonNode data) {
    }
}
