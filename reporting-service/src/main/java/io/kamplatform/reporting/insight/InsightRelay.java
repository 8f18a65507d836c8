package io.kamplatform.reporting.insight;

import io.kamplatform.kit.outbox.CloudEventRecords;
import io.kamplatform.kit.outbox.DrainLoop;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes the insight outbox to {@code kam.insight.events}, at least once: in a transaction holding the relay's lock
 * (one relay at a time across instances), the next unpublished rows of committed transactions in commit-safe order
 * are sent (idempotent producer, acks=all) and marked published only once Kafka acknowledged all of them; a failure
 * leaves them unpublished, to be sent again with the same {@code ce_id}. Records are CloudEvents in binary mode, built
 * by the service kit's {@link CloudEventRecords#binaryMode}: key and {@code ce_subject} = the account id or
 * {@code portfolio}, {@code ce_type} = the insight type, {@code ce_id} = the insight id, {@code ce_time} = when it was
 * concluded, {@code ce_dataschema} = its JSON Schema. Woken by each pass that added insights, and every
 * {@code poll-interval}, which also measures the backlog.
 */
@ApplicationScoped
public class InsightRelay {

    private static final Logger LOG = Logger.getLogger(InsightRelay.class);
    static final int BUFFER = 2048;

    private final InsightStore store;
    private final InsightConfig config;
    private final InsightMetrics metrics;
    private final MutinyEmitter<String> emitter;
    private final String topic;
    private final Vertx vertx;
    private final DrainLoop loop = new DrainLoop("insight relay", this::relayBatch);
    private long timer = -1;

    public InsightRelay(InsightStore store, InsightConfig config, InsightMetrics metrics, Vertx vertx,
                        @Channel("kam-insights") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BUFFER)
                        MutinyEmitter<String> emitter,
                        @ConfigProperty(name = "mp.messaging.outgoing.kam-insights.topic") String topic) {
        if (config.batchSize() < 1 || config.batchSize() > BUFFER) {
            throw new IllegalArgumentException("kam.insights.batch-size must be 1.." + BUFFER);
        }
        this.store = store;
        this.config = config;
        this.metrics = metrics;
        this.vertx = vertx;
        this.emitter = emitter;
        this.topic = topic;
    }

    void start(@Observes StartupEvent event) {
        if (config.enabled()) {
            timer = vertx.setPeriodic(config.pollInterval().toMillis(), id -> {
                wakeUp();
                store.backlog().subscribe().with(metrics::backlog,
                        failure -> LOG.debugf("insight outbox backlog not measured: %s", failure.getMessage()));
            });
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Asks for a relay run; runs that overlap are folded into one more. */
    public void wakeUp() {
        loop.wakeUp();
    }

    /** Publishes up to one batch; the number published. */
    Uni<Integer> relayBatch() {
        return store.pool().withTransaction(tx -> store.tryLeadRelay(tx).chain(leading -> !leading
                ? Uni.createFrom().item(0)
                : store.publishable(tx, config.batchSize()).chain(batch -> batch.isEmpty() ? Uni.createFrom().item(0)
                        : publish(batch).chain(() -> store.published(tx, batch.stream().map(InsightStore.Pending::insightId)
                                .toList())).map(done -> batch.size()))))
                .invoke(count -> {
                    if (count > 0) {
                        metrics.published(count);
                    }
                });
    }

    private Uni<Void> publish(List<InsightStore.Pending> batch) {
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        for (InsightStore.Pending row : batch) {
            CompletableFuture<Void> sent = new CompletableFuture<>();
            acks.add(sent);
            OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                    .withId(row.insightId())
                    .withType(row.type())
                    .withSource(config.source())
                    .withSubject(row.key())
                    .withTimestamp(row.occurredAt().atZone(java.time.ZoneOffset.UTC))
                    .withDataContentType("application/json")
                    .withDataSchema(dataSchemaOf(row.type()))
                    .build();
            emitter.sendMessageAndForget(CloudEventRecords.binaryMode(topic, row.key(), row.payload(), cloudEvent, sent));
        }
        return Uni.createFrom().completionStage(CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)));
    }

    /** Where reporting-service serves the type's JSON Schema. */
    public static URI dataSchemaOf(String type) {
        return URI.create("/schemas/insight-events/v1/" + type + ".json");
    }
}
