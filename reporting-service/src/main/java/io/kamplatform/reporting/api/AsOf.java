package io.kamplatform.reporting.api;

import io.kamplatform.kit.problem.Problem;
import io.kamplatform.kit.problem.ProblemException;
import io.kamplatform.kit.problem.Violation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The point in time a report answers for: a date (its end, UTC) or an instant; absent means now. Reports
 * answer from the event history, so asOf may lie anywhere in the past but not in the future.
 */
public final class AsOf {

    private AsOf() {
    }

    public static Instant parse(String value, Clock clock) {
        Instant now = clock.instant();
        if (value == null || value.isBlank()) {
            return now;
        }
        Instant asOf;
        try {
            asOf = value.length() == 10
                    ? LocalDate.parse(value).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1000)
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new ProblemException(Problem.invalid(List.of(new Violation("asOf",
                    "must be a date such as 2026-06-30 or an instant such as 2026-06-30T12:00:00Z"))));
        }
        if (asOf.isAfter(now.plusSeconds(60))) {
            throw new ProblemException(Problem.invalid(List.of(new Violation("asOf",
                    "must not lie in the future; reports answer from what has happened"))));
        }
        return asOf.isAfter(now) ? now : asOf;
    }
}
