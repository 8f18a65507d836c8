package io.kamplatform.kit.outbox;

import io.kamplatform.kit.store.StoredEvent;

/**
 * A stored event with its place in publication order and the W3C trace context of the request that recorded it
 * (null when that request was not traced, or for events stored before tracing).
 */
public record PendingEvent(PublicationPoint point, StoredEvent event, String traceParent) {

    public PendingEvent(PublicationPoint point, StoredEvent event) {
        this(point, event, null);
    }
}
