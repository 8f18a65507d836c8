package io.kamplatform.kit.recording;

import io.kamplatform.kit.problem.ProblemType;
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

    /** The client's expected version of the target stream is stale. */
    record VersionConflict(long expectedVersion, long currentVersion) implements RecordingOutcome {
    }

    /** A business rule refuses the event; {@code dataField} is a path within the event data, or null. */
    record Rejected(String code, String message, String dataField) implements RecordingOutcome {
    }

    /** Refused before any rule ran (e.g. an unknown account); {@code field} is a path within the submission. */
    record Refused(ProblemType type, String detail, String field, String fieldMessage) implements RecordingOutcome {
    }
}
