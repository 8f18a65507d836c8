package io.kamplatform.reporting.api;

import io.kamplatform.kit.problem.Problem;
import io.kamplatform.kit.problem.ProblemException;
import io.kamplatform.kit.problem.Violation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The two times of a bitemporal question: {@code asOf}, the point in the account's history the report answers for,
 * and {@code knownAt}, the point in the platform's knowledge: only facts recorded by then count (their producer's
 * {@code ce_recordedtime}, or their projection time without one). "Health as of 30 June as we knew it on 1 July" leaves
 * out a correction recorded on 5 July for June; "as we know it now" (no asKnownAt) includes it.
 * <p>
 * {@code knownAt} is null for "as known now": absent, or at/after now (an instant a minute ahead for clock skew, today as
 * a date). Without asOf, asOf is asKnownAt ("what we knew then about then"). An asOf after asKnownAt is refused: what
 * happened after that instant cannot have been known at it.
 */
public record AsKnownAt(Instant asOf, Instant knownAt) {

    /** The OpenAPI description of every report's asKnownAt parameter. */
    public static final String DESCRIPTION = "Answer with what the platform knew at this point: only facts recorded by "
            + "then count (the producer's ce_recordedtime; the projection time for a record without one). A date "
            + "(2026-07-01) means the end of that day in UTC; an instant is taken as given; at or after now it means now "
            + "(the default). Without asOf, asOf is asKnownAt; an asOf after asKnownAt is refused (400). Portfolio "
            + "figures as known at a past point are folded from the histories (readModel.mode FOLDED); the answer carries "
            + "the header KAM-As-Known-At.";

    public static AsKnownAt parse(String asOf, String asKnownAt, Clock clock) {
        if (asKnownAt == null || asKnownAt.isBlank()) {
            return new AsKnownAt(AsOf.parse(asOf, clock), null);
        }
        Instant knownAt = AsOf.parse("asKnownAt", asKnownAt, clock);
        Instant now = clock.instant();
        Instant at = asOf == null || asOf.isBlank() ? knownAt : AsOf.parse(asOf, clock);
        if (at.isAfter(knownAt)) {
            throw new ProblemException(Problem.invalid(List.of(new Violation("asOf", "must not lie after asKnownAt ("
                    + knownAt + "): what happened after that instant cannot have been known at it"))));
        }
        return new AsKnownAt(at, knownAt.isBefore(now) ? knownAt : null);
    }

    /** Whether the question is about the platform's knowledge at a past instant. */
    public boolean past() {
        return knownAt != null;
    }
}
