package io.kamplatform.kit.outbox;

import io.kamplatform.kit.store.StoredEvent;

/** A stored event with its place in publication order. */
public record PendingEvent(PublicationPoint point, StoredEvent event) {
}
