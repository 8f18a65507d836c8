package io.kamplatform.reporting.domain.facts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** Reports cut days and months in UTC, so the same {@code asOf} gives the same answer on every server. */
public final class Dates {

    private Dates() {
    }

    public static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    public static YearMonth month(Instant instant) {
        return YearMonth.from(day(instant));
    }
}
