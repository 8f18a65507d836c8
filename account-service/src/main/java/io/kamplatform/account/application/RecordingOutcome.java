package io.kamplatform.account.application;

import io.kamplatform.account.domain.Rejection;
import io.kamplatform.kit.store.StoredEvent;

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

    /** The client's expected version is stale. */
    record VersionConflict(long expectedVersion, long currentVersion) implements RecordingOutcome {
    }

    /** A business rule refuses the event. */
    record Rejected(Rejection rejection) implements RecordingOutcome {
    }
}
