package io.kamplatform.reporting.projection;

import java.time.OffsetDateTime;

/** A consumed record, readable as a CloudEvent about an account: what the projection stores. */
public record IncomingFact(
        String eventId,
        String accountId,
        String type,
        String source,
        String topic,
        int partition,
        long offset,
        Long streamVersion,
        OffsetDateTime occurredAt,
        OffsetDateTime recordedAt,
        String data) {
}
