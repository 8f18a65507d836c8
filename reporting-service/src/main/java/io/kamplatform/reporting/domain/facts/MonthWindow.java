package io.kamplatform.reporting.domain.facts;

import java.time.Instant;
import java.time.YearMonth;

/**
 * Whole calendar months {@code from..to} inclusive (UTC). Reports use the months before asOf's month, which is
 * excluded as incomplete — the convention of the health calculator's commercial factor.
 */
public record MonthWindow(YearMonth from, YearMonth to) {

    /** The {@code months} complete months before asOf's month. */
    public static MonthWindow trailing(Instant asOf, int months) {
        YearMonth last = Dates.month(asOf).minusMonths(1);
        return new MonthWindow(last.minusMonths(months - 1L), last);
    }

    public boolean contains(Instant instant) {
        YearMonth month = Dates.month(instant);
        return !month.isBefore(from) && !month.isAfter(to);
    }

    @Override
    public String toString() {
        return from + ".." + to;
    }
}
