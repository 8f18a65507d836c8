package io.kamplatform.kit.api;

import java.time.Instant;

/** A posted event whose envelope and data passed validation, with the fingerprint that recognises a retry. */
public record PostedEvent<E>(String eventId, String type, Instant occurredAt, Long expectedVersion, E event,
                             String requestHash) {
}
