package io.kamplatform.kit.outbox;

import java.time.OffsetDateTime;

/**
 * The committed events after the checkpoint: not yet published. {@code oldestRecordedAt} is when the first of them
 * (in publication order, which is the order transactions first wrote) was recorded; null when there are none.
 */
public record OutboxBacklog(long events, OffsetDateTime oldestRecordedAt) {
}
