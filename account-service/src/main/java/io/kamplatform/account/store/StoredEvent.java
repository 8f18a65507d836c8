package io.kamplatform.account.store;

import java.time.OffsetDateTime;

/** One row of the event store: an account event with its envelope. {@code payload} is the JSON data. */
public record StoredEvent(
        long position,
        String eventId,
        String accountId,
        long version,
        String type,
        int schemaVersion,
        String payload,
        OffsetDateTime occurredAt,
        OffsetDateTime recordedAt,
        String requestHash) {
}
