package io.kamplatform.relationship.application;

import io.kamplatform.kit.recording.Submission;
import io.kamplatform.relationship.store.EventFamily;
import java.time.Instant;

/**
 * A validated request to record one relationship or contract event.
 *
 * @param streamId        the stream the event goes to: the account's relationship record or the contract
 * @param expectedVersion the version of that stream the client last saw, or null
 */
public record EventSubmission(
        String accountId,
        String eventId,
        String type,
        EventFamily family,
        String streamId,
        Instant occurredAt,
        Long expectedVersion,
        Object event,
        String requestHash) implements Submission {

    @Override
    public String subject() {
        return accountId;
    }
}
