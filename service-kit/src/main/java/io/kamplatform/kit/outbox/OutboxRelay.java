package io.kamplatform.kit.outbox;

import io.kamplatform.kit.store.EventStore;
import io.kamplatform.kit.store.StoredEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes committed events to Kafka, in commit-safe order, at least once.
 *
 * <p>Reading {@code position > last} would skip rows of a transaction that took its position early
 * but committed late. Instead the relay reads in (transaction id, position) order and only rows of
 * transactions older than the oldest one still running ({@code pg_snapshot_xmin}), so no row can
 * later appear behind the checkpoint. The checkpoint moves only after Kafka acknowledged every
 * record of the batch (idempotent producer, acks=all); a crash in between re-sends the same records
 * with the same {@code ce_id}. A transaction-scoped advisory lock lets one replica relay at a time.
 */
/* Left out of services that publish nothing (kam.outbox.included=false at build time, e.g. reporting-service). */
@IfBuildProperty(name = "kam.outbox.included", stringValue = "true", enableIfMissing = true)
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary but fixed: the advisory lock that elects the relaying replica. */
    static final long RELAY_LOCK = 0x4B414D0001L;

    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final CloudEventRecords records;
    private final int batchSize;
    private final Counter published;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();

    public OutboxRelay(Pool pool,
                       @Channel("kam-events") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048)
                       MutinyEmitter<String> emitter,
                       CloudEventRecords records,
                       @ConfigProperty(name = "kam.outbox.batch-size", defaultValue = "500") int batchSize,
                       MeterRegistry registry) {
        this.pool = pool;
        this.emitter = emitter;
        this.records = records;
        this.batchSize = batchSize;
        this.published = Counter.builder("kam.outbox.published").description("Events published to Kafka")
                .register(registry);
    }

    /** Asks for a relay run; runs that overlap are folded into one more pass. */
    public void wakeUp() {
        requested.set(true);
        if (running.compareAndSet(false, true)) {
            drain();
        }
    }

    private void drain() {
        requested.set(false);
        relayBatch().subscribe().with(count -> {
            if (count > 0 || requested.get()) {
                drain();
            } else {
                finish();
            }
        }, failure -> {
            LOG.warnf("outbox relay failed, will retry: %s", failure.getMessage());
            finish();
        });
    }

    private void finish() {
        running.set(false);
        // A wake-up that arrived between the last pass and the flag reset must not be lost.
        if (requested.get() && running.compareAndSet(false, true)) {
            drain();
        }
    }

    /** Publishes up to one batch; returns how many events were published. */
    Uni<Integer> relayBatch() {
        return pool.withTransaction(connection -> connection
                .preparedQuery("SELECT pg_try_advisory_xact_lock($1)").execute(Tuple.of(RELAY_LOCK))
                .flatMap(lock -> lock.iterator().next().getBoolean(0)
                        ? publishNext(connection)
                        : Uni.createFrom().item(0)));
    }

    private Uni<Integer> publishNext(SqlConnection connection) {
        return connection.query("SELECT last_transaction_id::text, last_position FROM outbox_checkpoint "
                        + "WHERE relay = 'kafka'").execute()
                .map(rows -> rows.iterator().next())
                .flatMap(checkpoint -> connection.preparedQuery("SELECT transaction_id::text AS transaction_id, "
                                + EventStore.COLUMNS + " FROM event_store "
                                + "WHERE (transaction_id, position) > ($1::text::xid8, $2) "
                                + "AND transaction_id < pg_snapshot_xmin(pg_current_snapshot()) "
                                + "ORDER BY transaction_id, position LIMIT $3")
                        .execute(Tuple.of(checkpoint.getString(0), checkpoint.getLong(1), batchSize)))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(0);
                    }
                    List<StoredEvent> events = new ArrayList<>(rows.size());
                    Row last = null;
                    for (Row row : rows) {
                        events.add(EventStore.toEvent(row));
                        last = row;
                    }
                    String lastTransaction = last.getString("transaction_id");
                    long lastPosition = last.getLong("position");
                    return publish(events).flatMap(ignored -> connection.preparedQuery(
                                    "UPDATE outbox_checkpoint SET last_transaction_id = $1::text::xid8, "
                                            + "last_position = $2, updated_at = now() WHERE relay = 'kafka'")
                            .execute(Tuple.of(lastTransaction, lastPosition)))
                            .map(ignored -> {
                                published.increment(events.size());
                                return events.size();
                            });
                });
    }

    /** Sends in order and completes when the broker acknowledged all of them. */
    private Uni<Void> publish(List<StoredEvent> events) {
        List<CompletableFuture<Void>> acks = new ArrayList<>(events.size());
        for (StoredEvent event : events) {
            CompletableFuture<Void> sent = new CompletableFuture<>();
            acks.add(sent);
            emitter.sendMessageAndForget(records.toMessage(event, sent));
        }
        return Uni.createFrom().completionStage(CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)));
    }
}
