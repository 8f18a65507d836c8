package io.kamplatform.kit.outbox;

import java.time.OffsetDateTime;

/**
 * How far the relay has published and what it has verified.
 *
 * @param last            the last row sent to Kafka and acknowledged
 * @param publishedEvents how many rows at or before {@code last} the relay has sent: the outbox invariant says it
 *                        equals the number of rows at or before {@code last} in the store
 * @param verified        the audit found every row at or before this point published
 * @param verifiedAt      when the audit last confirmed the invariant; null until the first audit
 */
public record OutboxCheckpoint(PublicationPoint last, long publishedEvents, PublicationPoint verified,
                               OffsetDateTime verifiedAt) {
}
