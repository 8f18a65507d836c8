package io.kamplatform.reporting.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.kamplatform.reporting.store.StoredFact;
import java.time.OffsetDateTime;

/** One event in an account's timeline, with its data as published. */
public record TimelineEntry(String eventId, String type, String source, OffsetDateTime occurredAt,
                            OffsetDateTime recordedAt, @JsonRawValue String data) {

    static TimelineEntry of(StoredFact fact) {
        return new TimelineEntry(fact.eventId(), fact.type(), fact.source(), fact.occurredAt(), fact.recordedAt(), fact.data());
    }
}
