package io.kamplatform.kit.recording;

import java.time.Instant;

/**
 * A posted event that passed validation, aimed at its stream: what the recorder decides on.
 *
 * @param accountId       the account the event is about (Kafka key, {@code ce_subject})
 * @param streamId        the stream it goes to ({@link StreamRouting}): the account itself, or e.g. one of its contracts
 * @param type            the logical event type
 * @param expectedVersion the version of that stream the client last saw, or null to append whatever the version
 * @param requestHash     fingerprint of the submission, to tell a retry from a reused event id
 * @param <E>             the writer's events
 */
public record EventSubmission<E>(
        String accountId,
        String streamId,
        String eventId,
        String type,
        Instant occurredAt,
        Long expectedVersion,
        E event,
        String requestHash) {
}
