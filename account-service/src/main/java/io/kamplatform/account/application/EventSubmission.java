package io.kamplatform.account.application;

import io.kamplatform.account.domain.AccountEvent;
import io.kamplatform.kit.recording.Submission;
import java.time.Instant;

/**
 * A validated request to record one account event.
 *
 * @param expectedVersion the stream version the client last saw, or null to append whatever the version
 * @param requestHash     fingerprint of the submission, to recognise a retry of the same event id
 */
public record EventSubmission(
        String accountId,
        String eventId,
        Instant occurredAt,
        Long expectedVersion,
        AccountEvent event,
        String requestHash) implements Submission {

    @Override
    public String subject() {
        return accountId;
    }
}
