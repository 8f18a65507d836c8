package io.kamplatform.kit.outbox;

import io.kamplatform.kit.store.StoredEvent;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Sends stored events to Kafka in the given order (idempotent producer, acks=all, key = account id) and completes
 * when the broker acknowledged every one of them, or fails with the first failure.
 */
@IfBuildProperty(name = "kam.outbox.included", stringValue = "true", enableIfMissing = true)
@ApplicationScoped
public class OutboxPublisher {

    /** The emitter's buffer: a batch larger than this would overflow it. */
    public static final int MAX_BATCH = 2048;

    private final MutinyEmitter<String> emitter;
    private final CloudEventRecords records;

    public OutboxPublisher(@Channel("kam-events") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = MAX_BATCH)
                           MutinyEmitter<String> emitter,
                           CloudEventRecords records) {
        this.emitter = emitter;
        this.records = records;
    }

    public Uni<Void> publish(List<PendingEvent> events) {
        if (events.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " events per call, got " + events.size());
        }
        List<CompletableFuture<Void>> acks = new ArrayList<>(events.size());
        for (PendingEvent event : events) {
            CompletableFuture<Void> sent = new CompletableFuture<>();
            acks.add(sent);
            emitter.sendMessageAndForget(records.toMessage(event.event(), event.traceParent(), sent));
        }
        return Uni.createFrom().completionStage(CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)));
    }
}
