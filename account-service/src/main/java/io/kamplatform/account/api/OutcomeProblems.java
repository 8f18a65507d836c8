package io.kamplatform.account.api;

import io.kamplatform.kit.problem.Problem;
import io.kamplatform.kit.problem.ProblemType;
import io.kamplatform.kit.problem.Violation;
import io.kamplatform.account.application.RecordingOutcome;
import io.kamplatform.account.domain.Rejection;
import java.util.List;

/** The problem a client gets for an outcome that recorded nothing. */
final class OutcomeProblems {

    private OutcomeProblems() {
    }

    static Problem of(RecordingOutcome outcome, String fieldPrefix) {
        return switch (outcome) {
            case RecordingOutcome.Rejected r -> rule(r.rejection(), fieldPrefix);
            case RecordingOutcome.VersionConflict c -> Problem.of(ProblemType.VERSION_CONFLICT,
                            "expected version " + c.expectedVersion() + " but the account is at version "
                                    + c.currentVersion() + "; reload it and decide again")
                    .withVersions(c.expectedVersion(), c.currentVersion());
            case RecordingOutcome.EventIdReused e -> Problem.of(ProblemType.EVENT_ID_REUSED,
                    "event id '" + e.eventId() + "' was already used for a different event; use a new id for a new event")
                    .withViolations(List.of(new Violation(fieldPrefix + "eventId", "already used for a different event")));
            case RecordingOutcome.Recorded r -> throw new IllegalArgumentException("not a problem");
            case RecordingOutcome.Replayed r -> throw new IllegalArgumentException("not a problem");
        };
    }

    private static Problem rule(Rejection rejection, String fieldPrefix) {
        Problem problem = Problem.of(ProblemType.RULE_VIOLATION, rejection.message()).withCode(rejection.code());
        return rejection.field() == null ? problem
                : problem.withViolations(List.of(new Violation(fieldPrefix + "data." + rejection.field(), rejection.message())));
    }
}
