package io.kamplatform.account.store;

import java.time.OffsetDateTime;

/** An event about to be appended at {@code version} of its account stream. */
public record NewEvent(
        String eventId,
        String accountId,
        long version,
        String type,
        int schemaVersion,
        String payload,
        OffsetDateTime occurredAt,
        String requestHash) {
}
