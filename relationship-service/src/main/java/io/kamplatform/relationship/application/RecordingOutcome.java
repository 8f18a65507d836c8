package io.kamplatform.relationship.application;

import io.kamplatform.kit.store.StoredEvent;
import io.kamplatform.relationship.domain.Rejection;

/** What happened to one submission. */
public sealed interface RecordingOutcome {

    /** Appended now. */
    record Recorded(StoredEvent event) implements RecordingOutcome {
    }

    /** The same event id and body were recorded before: the original result, nothing appended. */
    record Replayed(StoredEvent event) implements RecordingOutcome {
    }

    /** The event id is taken by an event with a different body or account. */
    record EventIdReused(String eventId) implements RecordingOutcome {
    }

    /** The client's expected version of the target stream is stale. */
    record VersionConflict(long expectedVersion, long currentVersion) implements RecordingOutcome {
    }

    /** account-service has not registered the account (or its registration has not arrived yet). */
    record UnknownAccount(String accountId) implements RecordingOutcome {
    }

    /** A business rule refuses the event. */
    record Rejected(Rejection rejection) implements RecordingOutcome {
    }
}
