package io.kamplatform.reporting.domain.facts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Reports cut days, months and quarters in UTC, so the same {@code asOf} gives the same answer on every server. A
 * month or quarter counts when it is complete at asOf: asOf = a date is the last microsecond of that day (the
 * precision of stored times), so the last day of a month includes that month.
 */
public final class Dates {

    private Dates() {
    }

    public static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    public static YearMonth month(Instant instant) {
        return YearMonth.from(day(instant));
    }

    /** The newest month that has ended by asOf: asOf's own month when asOf is its last microsecond, else the one before. */
    public static YearMonth lastCompleteMonth(Instant asOf) {
        return month(asOf.plus(1, ChronoUnit.MICROS)).minusMonths(1);
    }

    /** The last month of the newest calendar quarter that has ended by asOf (March, June, September or December). */
    public static YearMonth lastCompleteQuarterEnd(Instant asOf) {
        YearMonth last = lastCompleteMonth(asOf);
        return last.minusMonths(last.getMonthValue() % 3);
    }
}
