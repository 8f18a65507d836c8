package io.kamplatform.kit.store;

import java.time.OffsetDateTime;

/** An event about to be appended at {@code version} of its stream, about account {@code subject}. */
public record NewEvent(
        String eventId,
        String streamId,
        String subject,
        long version,
        String type,
        int schemaVersion,
        String payload,
        OffsetDateTime occurredAt,
        String requestHash) {
}
