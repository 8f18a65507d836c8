package io.kamplatform.kit.store;

import java.time.OffsetDateTime;

/**
 * One row of the event store: an event with its envelope. {@code subject} is the account the event is
 * about (Kafka key, {@code ce_subject}); {@code payload} is the JSON data.
 */
public record StoredEvent(
        long position,
        String eventId,
        String streamId,
        String subject,
        long version,
        String type,
        int schemaVersion,
        String payload,
        OffsetDateTime occurredAt,
        OffsetDateTime recordedAt,
        String requestHash) {
}
