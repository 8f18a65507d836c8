package io.kamplatform.kit.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.kamplatform.kit.store.StoredEvent;
import java.time.OffsetDateTime;

/** One event of an account's history, with its data exactly as stored and published. */
public record HistoryEntry(
        String eventId,
        String type,
        int schemaVersion,
        long version,
        long position,
        OffsetDateTime occurredAt,
        OffsetDateTime recordedAt,
        @JsonRawValue String data) {

    public static HistoryEntry of(StoredEvent event) {
        return new HistoryEntry(event.eventId(), event.type(), event.schemaVersion(), event.version(),
                event.position(), event.occurredAt(), event.recordedAt(), event.payload());
    }
}
