package io.kamplatform.kit.outbox;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outbox as an operator sees it.
 *
 * @param checkpoint               the last event published, in (transaction id, position) order
 * @param publishedEvents          events at or before the checkpoint the relay published
 * @param unpublishedEvents        committed events after the checkpoint
 * @param oldestUnpublishedSeconds age of the first of them
 * @param healthy                  whether the invariant holds (readiness follows it)
 * @param violation                why the relay halted, when it did
 * @param gapEvents                unpublished events the audit found behind the checkpoint and has not yet republished
 * @param lastAudit                the last audit, null before the first one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutboxReport(PublicationPoint checkpoint, long publishedEvents, long unpublishedEvents,
                           double oldestUnpublishedSeconds, boolean healthy, String violation, long gapEvents,
                           OutboxAuditResult lastAudit) {

    static OutboxReport of(OutboxStatus status) {
        OutboxCheckpoint checkpoint = status.checkpoint();
        return new OutboxReport(checkpoint == null ? null : checkpoint.last(),
                checkpoint == null ? 0 : checkpoint.publishedEvents(), status.backlog().events(),
                status.oldestUnpublishedSeconds(), status.healthy(), status.violation(), status.gapEvents(),
                status.lastAudit());
    }
}
