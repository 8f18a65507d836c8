package io.kamplatform.kit.outbox;

import java.time.OffsetDateTime;

/**
 * One audit of the outbox invariant "events published = rows at or before the checkpoint".
 *
 * @param eventsUpToCheckpoint rows at or before the checkpoint when counted
 * @param publishedEvents      rows the relay had published up to the checkpoint
 * @param republished          events sent again to repair a gap (0 when the invariant held)
 */
public record OutboxAuditResult(OffsetDateTime at, PublicationPoint checkpoint, long eventsUpToCheckpoint,
                                long publishedEvents, long republished, Outcome outcome) {

    public enum Outcome {
        /** Every row at or before the checkpoint was published. */
        HELD,
        /** Rows behind the checkpoint had not been published: they were republished. */
        REPAIRED,
        /**
         * First audit of a store written by a version without the invariant: everything up to the checkpoint was
         * republished once, because that version could skip events (consumers deduplicate on the event id).
         */
        INITIAL_REPUBLISH,
        /** Fewer rows than were published: the store lost committed rows (e.g. restored from an older backup). */
        STORE_SHRANK
    }
}
