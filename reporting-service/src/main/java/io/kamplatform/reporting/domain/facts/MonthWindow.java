package io.kamplatform.reporting.domain.facts;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Whole calendar months {@code from..to} inclusive (UTC). Reports count only months complete at asOf (see
 * {@link Dates#lastCompleteMonth}); {@code incompleteMonth} is asOf's own month when it is still in progress at asOf and
 * therefore left out (null when asOf is the end of a month).
 */
public record MonthWindow(YearMonth from, YearMonth to,
        @Schema(description = "asOf's own month when it is still in progress at asOf and left out; null when asOf is "
                + "the end of a month") YearMonth incompleteMonth) {

    public MonthWindow(YearMonth from, YearMonth to) {
        this(from, to, null);
    }

    /** The {@code months} months complete at asOf, newest last. */
    public static MonthWindow trailing(Instant asOf, int months) {
        YearMonth last = Dates.lastCompleteMonth(asOf);
        YearMonth current = Dates.month(asOf);
        return new MonthWindow(last.minusMonths(months - 1L), last, current.isAfter(last) ? current : null);
    }

    /** The {@code count} calendar quarters complete at asOf, oldest first. */
    public static List<MonthWindow> trailingQuarters(Instant asOf, int count) {
        YearMonth lastEnd = Dates.lastCompleteQuarterEnd(asOf);
        List<MonthWindow> quarters = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            YearMonth end = lastEnd.minusMonths(3L * i);
            quarters.add(new MonthWindow(end.minusMonths(2), end));
        }
        return List.copyOf(quarters);
    }

    public boolean contains(Instant instant) {
        YearMonth month = Dates.month(instant);
        return !month.isBefore(from) && !month.isAfter(to);
    }

    /** The window in words, for users who read the JSON. */
    @JsonProperty("description")
    public String description() {
        long months = from.until(to, java.time.temporal.ChronoUnit.MONTHS) + 1;
        return months + " complete calendar month" + (months == 1 ? "" : "s") + " " + this + " (UTC)"
                + (incompleteMonth == null ? "" : "; " + incompleteMonth + " is still in progress at asOf and left out");
    }

    @Override
    public String toString() {
        return from + ".." + to;
    }
}
