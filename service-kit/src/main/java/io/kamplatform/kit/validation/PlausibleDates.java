package io.kamplatform.kit.validation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The range of calendar dates the platform accepts: 1900-01-01 to 2100-12-31. Dates outside it are CRM placeholders
 * or typos (0001-01-01 for "unknown", 9999-12-31 for "open-ended", a negative year), never facts about key accounts;
 * taking them would skew durations, renewals and reports for decades.
 */
public final class PlausibleDates {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
    public static final Instant EARLIEST_INSTANT = EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant();
    public static final String DATE_RULE = "must be a date from 1900-01-01 to 2100-12-31";
    public static final String INSTANT_RULE = "must not be before 1900-01-01T00:00:00Z";

    private PlausibleDates() {
    }

    public static boolean contains(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }
}
