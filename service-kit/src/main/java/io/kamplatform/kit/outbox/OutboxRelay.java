package io.kamplatform.kit.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes committed events to Kafka, in commit-safe order, at least once, and never steps over one.
 *
 * <p>Reading {@code position > last} would skip rows of a transaction that took its position early but committed
 * late. Instead the relay reads in (transaction id, position) order and only rows of transactions older than the
 * oldest one still running ({@code pg_snapshot_xmin}), so no row can later appear behind the checkpoint. The
 * checkpoint moves only after Kafka acknowledged every record of the batch (idempotent producer, acks=all); a crash
 * in between re-sends the same records with the same {@code ce_id}. A transaction-scoped advisory lock lets one
 * replica relay at a time.
 *
 * <p>The invariant "events published = rows at or before the checkpoint" is checked on every pass for the rows the
 * checkpoint is about to pass: if the store holds more rows in (checkpoint, end of batch] than the batch, the batch
 * was not the next rows in order, the relay halts (nothing is skipped), logs an error and readiness turns DOWN.
 * {@link OutboxAudit} checks the whole store periodically and republishes what a bug or an outside change left
 * behind.
 */
/* Left out of services that publish nothing (kam.outbox.included=false at build time, e.g. reporting-service). */
@IfBuildProperty(name = "kam.outbox.included", stringValue = "true", enableIfMissing = true)
@ApplicationScoped
public class OutboxRelay {

    /** Arbitrary but fixed: the advisory lock that elects the relaying replica (the audit takes it too). */
    public static final long RELAY_LOCK = 0x4B414D0001L;

    private final Pool pool;
    private final OutboxStore store;
    private final OutboxPublisher publisher;
    private final OutboxStatus status;
    private final int batchSize;
    private final DrainLoop loop;

    /**
     * {@code passSpacingMillis}: under load, the least time between the starts of two passes that commits asked for,
     * so a pass publishes the commits of that time together (see {@link DrainLoop}); 0 runs a pass per wake-up.
     */
    public OutboxRelay(Pool pool, OutboxStore store, OutboxPublisher publisher, OutboxStatus status,
                       @ConfigProperty(name = "kam.outbox.batch-size", defaultValue = "500") int batchSize,
                       @ConfigProperty(name = "kam.outbox.pass-spacing-ms", defaultValue = "20") long passSpacingMillis) {
        if (batchSize < 1 || batchSize > OutboxPublisher.MAX_BATCH) {
            throw new IllegalArgumentException("kam.outbox.batch-size must be 1.." + OutboxPublisher.MAX_BATCH);
        }
        if (passSpacingMillis < 0 || passSpacingMillis > 1000) {
            throw new IllegalArgumentException("kam.outbox.pass-spacing-ms must be 0..1000");
        }
        this.loop = new DrainLoop("outbox relay", this::relayBatch, batchSize, Duration.ofMillis(passSpacingMillis));
        this.pool = pool;
        this.store = store;
        this.publisher = publisher;
        this.status = status;
        this.batchSize = batchSize;
    }

    /** Asks for a relay run; runs that overlap are folded into one more pass. */
    public void wakeUp() {
        loop.wakeUp();
    }

    /** Publishes up to one batch; returns how many events were published. */
    Uni<Integer> relayBatch() {
        return pool.withTransaction(connection -> store.tryLead(connection)
                .flatMap(leading -> leading ? publishNext(connection) : Uni.createFrom().item(0)));
    }

    /** One pass on {@code connection}, whose transaction holds the relay's lock. */
    Uni<Integer> publishNext(SqlClient connection) {
        return store.checkpoint(connection).flatMap(checkpoint ->
                store.publishable(connection, checkpoint.last(), batchSize).flatMap(batch -> {
                    if (batch.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    PublicationPoint upTo = batch.get(batch.size() - 1).point();
                    return store.countBetween(connection, checkpoint.last(), upTo).flatMap(rowsPassed -> {
                        if (rowsPassed != batch.size()) {
                            status.passViolated("moving the checkpoint from " + checkpoint.last() + " to " + upTo
                                    + " would pass " + rowsPassed + " committed events, but the batch holds " + batch.size());
                            return Uni.createFrom().item(0);
                        }
                        status.passHeld();
                        return publish(connection, batch, upTo);
                    });
                }));
    }

    private Uni<Integer> publish(SqlClient connection, List<PendingEvent> batch, PublicationPoint upTo) {
        return publisher.publish(batch)
                .flatMap(acknowledged -> store.advance(connection, upTo, batch.size()))
                .map(advanced -> {
                    status.published(batch.size());
                    return batch.size();
                });
    }
}
