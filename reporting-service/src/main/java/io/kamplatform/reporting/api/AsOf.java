package io.kamplatform.reporting.api;

import io.kamplatform.kit.problem.Problem;
import io.kamplatform.kit.problem.ProblemException;
import io.kamplatform.kit.problem.Violation;
import io.kamplatform.reporting.domain.facts.Dates;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The point in time a report answers for; absent means now. A date means the end of that day in UTC (its last
 * microsecond), capped at now: today is valid and means now, a later day is refused. An instant is taken as given,
 * up to a minute ahead of this server's clock (clock skew), capped at now. Reports answer from the event history, so
 * asOf may lie anywhere in the past but not in the future.
 */
public final class AsOf {

    static final long CLOCK_SKEW_SECONDS = 60;

    /** The OpenAPI description of every report's asOf parameter. */
    public static final String DESCRIPTION = "The point in time the report answers for; default now. A date "
            + "(2025-12-31) means the end of that day in UTC, capped at now: today is valid, a later day is refused (400). "
            + "An instant (2025-12-31T12:00:00Z) is taken as given. Month windows count only months complete at asOf "
            + "(the last day of a month includes that month); days, months and quarters are cut in UTC.";

    private AsOf() {
    }

    public static Instant parse(String value, Clock clock) {
        return parse("asOf", value, clock);
    }

    /** The same rules for another instant parameter, named {@code parameter} in a violation. */
    static Instant parse(String parameter, String value, Clock clock) {
        Instant now = clock.instant();
        if (value == null || value.isBlank()) {
            return now;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                if (day.isAfter(Dates.day(now))) {
                    throw future(parameter);
                }
                Instant endOfDay = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1000);
                return endOfDay.isAfter(now) ? now : endOfDay;
            }
            Instant asOf = OffsetDateTime.parse(value).toInstant();
            if (asOf.isAfter(now.plusSeconds(CLOCK_SKEW_SECONDS))) {
                throw future(parameter);
            }
            return asOf.isAfter(now) ? now : asOf;
        } catch (DateTimeParseException e) {
            throw new ProblemException(Problem.invalid(List.of(new Violation(parameter,
                    "must be a date such as 2026-06-30 or an instant such as 2026-06-30T12:00:00Z"))));
        }
    }

    private static ProblemException future(String parameter) {
        return new ProblemException(Problem.invalid(List.of(new Violation(parameter,
                "must not lie in the future (a date is the end of that day in UTC, capped at now: today is valid);"
                        + " reports answer from what has happened"))));
    }
}
