package io.kamplatform.reporting.domain.completeness;

import java.util.List;

/**
 * Whether every event the producers committed about an account has reached this service: when not, the report was
 * computed without {@code missingEvents} and may be wrong. What is known now, whatever the report's asOf: a missing
 * event's time is unknown until it arrives.
 */
public record AccountCompleteness(boolean dataComplete, List<MissingEvents> missingEvents) {

    public static AccountCompleteness of(List<MissingEvents> missing) {
        return new AccountCompleteness(missing.isEmpty(), List.copyOf(missing));
    }
}
