package io.kamplatform.reporting.store;

import java.time.OffsetDateTime;

/**
 * A consumed record, readable as a CloudEvent about an account: what the projection stores. Identified by
 * (source, eventId); {@code streamId} and {@code streamVersion} place it in its producer's event stream when the
 * producer sent them (either may be null).
 */
public record IncomingFact(
        String eventId,
        String accountId,
        String type,
        String source,
        String topic,
        int partition,
        long offset,
        String streamId,
        Long streamVersion,
        OffsetDateTime occurredAt,
        OffsetDateTime recordedAt,
        String data) {

    /** True when the record says where it sits in its stream, so gaps around it can be tracked. */
    public boolean hasStreamPosition() {
        return streamId != null && streamVersion != null;
    }
}
