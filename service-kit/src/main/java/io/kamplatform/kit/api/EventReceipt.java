package io.kamplatform.kit.api;

import io.kamplatform.kit.store.StoredEvent;
import java.time.OffsetDateTime;

/** What the store recorded for an event. */
public record EventReceipt(
        String eventId,
        String accountId,
        String type,
        long version,
        long position,
        OffsetDateTime occurredAt,
        OffsetDateTime recordedAt) {

    public static EventReceipt of(StoredEvent event) {
        return new EventReceipt(event.eventId(), event.subject(), event.type(), event.version(), event.position(),
                event.occurredAt(), event.recordedAt());
    }
}
