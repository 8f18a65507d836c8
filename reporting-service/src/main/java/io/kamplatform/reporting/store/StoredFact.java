package io.kamplatform.reporting.store;

import java.time.OffsetDateTime;

/** One projected event as stored; {@code data} is its JSON. */
public record StoredFact(
        String eventId,
        String accountId,
        String type,
        String source,
        String topic,
        Long streamVersion,
        OffsetDateTime occurredAt,
        OffsetDateTime recordedAt,
        String data) {
}
