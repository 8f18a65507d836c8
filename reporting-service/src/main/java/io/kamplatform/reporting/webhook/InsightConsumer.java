package io.kamplatform.reporting.webhook;

import io.kamplatform.kit.messaging.ConsumerStalls;
import io.kamplatform.kit.messaging.InfrastructureRetry;
import io.kamplatform.reporting.projection.ProjectionConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Turns each insight on {@code kam.insight.events} into one delivery per matching subscription, enabled or paused (consumer group
 * {@code reporting-service-webhooks}, its own offsets). Like the projection: the offset is committed after the
 * deliveries are stored; an insight consumed or published again inserts nothing (unique per subscription and insight
 * id); the database being unavailable is waited out (the topic's consumption pauses, readiness says so); an unreadable
 * record goes to {@code kam.insight.events.dlq}.
 */
@ApplicationScoped
public class InsightConsumer {

    public static final String CHANNEL = "insight-webhooks";

    private final InsightReader reader;
    private final WebhookStore store;
    private final DeliveryWorker worker;
    private final WebhookMetrics metrics;
    private final ConsumerStalls stalls;
    private final ProjectionConfig projection;

    public InsightConsumer(InsightReader reader, WebhookStore store, DeliveryWorker worker, WebhookMetrics metrics,
                           ConsumerStalls stalls, ProjectionConfig projection) {
        this.reader = reader;
        this.store = store;
        this.worker = worker;
        this.metrics = metrics;
        this.stalls = stalls;
        this.projection = projection;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return Uni.createFrom().deferred(() -> {
            Insight insight = reader.read(record);
            String body = reader.body(insight);
            return InfrastructureRetry.untilAvailable(() -> store.all()
                                    .chain(subscriptions -> store.enqueue(matching(subscriptions, insight, body)))
                                    .ifNoItem().after(projection.attemptTimeout())
                                    .failWith(() -> new TimeoutException("no answer from the database within " + projection.attemptTimeout())),
                            projection.retry().backOff(), stalls.listenerFor(record))
                    .invoke(inserted -> {
                        metrics.enqueued(inserted);
                        if (inserted > 0) {
                            worker.wake();
                        }
                    });
        }).replaceWithVoid();
    }

    static List<WebhookStore.NewDelivery> matching(List<Subscription> subscriptions, Insight insight, String body) {
        List<WebhookStore.NewDelivery> deliveries = new ArrayList<>();
        for (Subscription subscription : subscriptions) {
            if (subscription.matches(insight)) {
                deliveries.add(new WebhookStore.NewDelivery(subscription.id(), insight, body));
            }
        }
        return deliveries;
    }
}
