package io.kamplatform.kit.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Checks the whole outbox invariant — every row at or before the checkpoint was published, i.e. the store holds
 * exactly as many rows there as the relay counted — at start and periodically, and repairs a violation by
 * republishing (consumers deduplicate on the CloudEvents source and id).
 *
 * <p>Where the missing rows can be: everything at or before the point verified by the last clean audit was
 * published then, and no row can appear there later (it lies before the oldest transaction that was still running).
 * So the repair republishes (verified point, checkpoint], in publication order, while holding the relay's lock.
 * The first audit of a store written by a version without this bookkeeping has no verified point: it republishes
 * everything up to the checkpoint once, because that version could skip events.
 */
@IfBuildProperty(name = "kam.outbox.included", stringValue = "true", enableIfMissing = true)
@ApplicationScoped
public class OutboxAudit {

    private static final Logger LOG = Logger.getLogger(OutboxAudit.class);
    private static final long RETRY_AFTER_FAILURE_MS = 10_000;

    private final Pool pool;
    private final Vertx vertx;
    private final OutboxStore store;
    private final OutboxPublisher publisher;
    private final OutboxStatus status;
    private final boolean enabled;
    private final long intervalMillis;
    private final int batchSize;
    private final AtomicBoolean scheduledRunning = new AtomicBoolean();
    private volatile long timer = -1;

    public OutboxAudit(Pool pool, Vertx vertx, OutboxStore store, OutboxPublisher publisher, OutboxStatus status,
                       @ConfigProperty(name = "kam.outbox.enabled", defaultValue = "true") boolean enabled,
                       @ConfigProperty(name = "kam.outbox.audit-interval-ms", defaultValue = "300000") long intervalMillis,
                       @ConfigProperty(name = "kam.outbox.batch-size", defaultValue = "500") int batchSize) {
        this.pool = pool;
        this.vertx = vertx;
        this.store = store;
        this.publisher = publisher;
        this.status = status;
        this.enabled = enabled;
        this.intervalMillis = intervalMillis;
        this.batchSize = batchSize;
    }

    void start(@Observes StartupEvent event) {
        if (enabled) {
            schedule(0);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void schedule(long delayMillis) {
        timer = vertx.setTimer(Math.max(1, delayMillis), id -> {
            if (!scheduledRunning.compareAndSet(false, true)) {
                return;
            }
            audit().subscribe().with(result -> {
                scheduledRunning.set(false);
                schedule(intervalMillis);
            }, failure -> {
                scheduledRunning.set(false);
                LOG.warnf("outbox audit failed, retrying in %d s: %s", RETRY_AFTER_FAILURE_MS / 1000, failure.getMessage());
                schedule(RETRY_AFTER_FAILURE_MS);
            });
        });
    }

    /** Audits now (waiting for a running relay pass), repairing what it finds. */
    public Uni<OutboxAuditResult> audit() {
        return pool.withTransaction(connection -> store.lead(connection)
                .flatMap(led -> store.checkpoint(connection))
                .flatMap(checkpoint -> store.countUpTo(connection, checkpoint.last())
                        .flatMap(counted -> audit(connection, checkpoint, counted))))
                .invoke(status::audited);
    }

    private Uni<OutboxAuditResult> audit(SqlConnection connection, OutboxCheckpoint checkpoint,
                                         OutboxStore.CountedStore counted) {
        PublicationPoint verifiedNow = PublicationPoint.earliest(checkpoint.last(),
                new PublicationPoint(counted.snapshotXmin(), 0));
        long missing = counted.events() - checkpoint.publishedEvents();
        boolean firstAudit = checkpoint.verifiedAt() == null;
        if (missing == 0 && !firstAudit || counted.events() == 0) {
            return record(connection, checkpoint, counted, verifiedNow, 0, OutboxAuditResult.Outcome.HELD);
        }
        if (missing < 0) {
            LOG.errorf("outbox audit: the store holds %d events at or before the checkpoint %s but %d were published: "
                            + "committed events were lost by the database (restored from an older backup, or a failover "
                            + "to a replica that missed them); consumers may see a stream version reused",
                    counted.events(), checkpoint.last(), checkpoint.publishedEvents());
            status.gapFound(0);
            return record(connection, checkpoint, counted, verifiedNow, 0, OutboxAuditResult.Outcome.STORE_SHRANK);
        }
        if (firstAudit) {
            LOG.warnf("outbox audit: first audit of this event store; republishing the %d events up to the checkpoint "
                    + "once, because versions before the audit could skip events (consumers deduplicate)", counted.events());
        } else {
            LOG.errorf("outbox audit: %d committed events at or before the checkpoint %s were never published; "
                    + "republishing (%s, %s]", missing, checkpoint.last(), checkpoint.verified(), checkpoint.last());
            status.gapFound(missing);
        }
        PublicationPoint from = firstAudit ? PublicationPoint.START : checkpoint.verified();
        String reason = firstAudit ? "initial-audit" : "audit";
        return republish(connection, from, checkpoint.last(), 0, counted.events(), reason)
                .flatMap(sent -> record(connection, checkpoint, counted, verifiedNow, sent, firstAudit
                        ? OutboxAuditResult.Outcome.INITIAL_REPUBLISH : OutboxAuditResult.Outcome.REPAIRED));
    }

    private Uni<Long> republish(SqlConnection connection, PublicationPoint after, PublicationPoint upTo, long sent,
                                long total, String reason) {
        return store.between(connection, after, upTo, batchSize).flatMap(batch -> {
            if (batch.isEmpty()) {
                return Uni.createFrom().item(sent);
            }
            return publisher.publish(batch).flatMap(acknowledged -> {
                long now = sent + batch.size();
                status.republished(batch.size(), reason);
                if (now / 10_000 > sent / 10_000) {
                    LOG.infof("outbox audit: republished %d of at most %d events", now, total);
                }
                return republish(connection, batch.get(batch.size() - 1).point(), upTo, now, total, reason);
            });
        });
    }

    private Uni<OutboxAuditResult> record(SqlConnection connection, OutboxCheckpoint checkpoint,
                                          OutboxStore.CountedStore counted, PublicationPoint verifiedNow, long republished,
                                          OutboxAuditResult.Outcome outcome) {
        if (outcome != OutboxAuditResult.Outcome.HELD) {
            LOG.infof("outbox audit: %s, %d events up to the checkpoint, %d republished", outcome, counted.events(),
                    republished);
        }
        return store.verified(connection, verifiedNow, counted.events())
                .map(saved -> new OutboxAuditResult(OffsetDateTime.now(), checkpoint.last(), counted.events(),
                        checkpoint.publishedEvents(), republished, outcome));
    }
}
