package io.kamplatform.relationship.api;

import io.kamplatform.kit.problem.Problem;
import io.kamplatform.kit.problem.ProblemType;
import io.kamplatform.kit.problem.Violation;
import io.kamplatform.relationship.application.RecordingOutcome;
import io.kamplatform.relationship.domain.Rejection;
import java.util.List;

/** The problem a client gets for an outcome that recorded nothing. */
final class OutcomeProblems {

    /** The account is not (yet) known from kam.account.events: register it in account-service first, then retry. */
    static final ProblemType UNKNOWN_ACCOUNT = ProblemType.of("unknown-account", "The account is not registered", 422);

    private OutcomeProblems() {
    }

    static Problem of(RecordingOutcome outcome, String fieldPrefix) {
        return switch (outcome) {
            case RecordingOutcome.Rejected r -> rule(r.rejection(), fieldPrefix);
            case RecordingOutcome.UnknownAccount u -> Problem.of(UNKNOWN_ACCOUNT, "account '" + u.accountId()
                            + "' is not registered in account-service (or its registration has not arrived yet); "
                            + "register it there first and retry this request in a few seconds")
                    .withViolations(List.of(new Violation(fieldPrefix + "accountId", "not a registered account")));
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

    private static Problem rule(Rejection rejection, String fieldPrefix) {
        Problem problem = Problem.of(ProblemType.RULE_VIOLATION, rejection.message()).withCode(rejection.code());
        return rejection.field() == null ? problem
                : problem.withViolations(List.of(new Violation(fieldPrefix + "data." + rejection.field(), rejection.message())));
    }
}
