package io.kamplatform.crmimport;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** Date cells as CRMs write them: the first of the mapping's {@code dateFormats} that parses the cell wins. */
final class Dates {

    private final List<DateTimeFormatter> formats;

    Dates(List<DateTimeFormatter> formats) {
        this.formats = formats;
    }

    /** The day in the cell, or empty when no format parses it. */
    Optional<LocalDate> parse(String raw) {
        for (DateTimeFormatter format : formats) {
            try {
                return Optional.of(LocalDate.parse(raw.trim(), format));
            } catch (DateTimeParseException e) {
                // next pattern
            }
        }
        return Optional.empty();
    }

    /** Events of a CRM date happen at noon UTC: the same calendar day in every time zone from UTC-11 to UTC+11. */
    static Instant noon(LocalDate day) {
        return day.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }
}
