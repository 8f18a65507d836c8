package io.kamplatform.reporting.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Webhook metrics (README "Webhooks", "Metrics"): attempts and final outcomes as counters, the attempt duration, and
 * per subscription the backlog, the age of its oldest pending delivery and its dead-lettered deliveries as gauges
 * recomputed from the database (so every instance reports the same figures).
 */
@ApplicationScoped
public class WebhookMetrics {

    private final MeterRegistry registry;
    private final Counter enqueued;
    private final Timer duration;
    private final MultiGauge backlog;
    private final MultiGauge oldestAge;
    private final MultiGauge deadLettered;

    public WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.enqueued = Counter.builder("kam.webhook.enqueued").description("Deliveries created from insights").register(registry);
        this.duration = Timer.builder("kam.webhook.attempt.duration").description("How long a delivery attempt took").register(registry);
        this.backlog = MultiGauge.builder("kam.webhook.backlog").description("Pending deliveries per subscription").register(registry);
        this.oldestAge = MultiGauge.builder("kam.webhook.oldest.pending.seconds")
                .description("Age of the oldest pending delivery per subscription (0 when none)").register(registry);
        this.deadLettered = MultiGauge.builder("kam.webhook.dead.lettered")
                .description("Dead-lettered deliveries per subscription now (until re-driven)").register(registry);
    }

    void enqueued(int count) {
        enqueued.increment(count);
    }

    /** One attempt: {@code result} delivered, http-error, network-error, refused-target or error (e.g. no key). */
    void attempt(String result, Duration took) {
        registry.counter("kam.webhook.attempts", "result", result).increment();
        duration.record(took);
    }

    /** A delivery's final outcome: delivered or dead-lettered. */
    void outcome(String outcome) {
        registry.counter("kam.webhook.deliveries", "outcome", outcome).increment();
    }

    void backlog(List<WebhookStore.Backlog> rows, Instant now) {
        backlog.register(rows.stream().map(r -> MultiGauge.Row.of(tags(r), r.pending())).toList(), true);
        oldestAge.register(rows.stream().map(r -> MultiGauge.Row.of(tags(r), r.oldestPending() == null ? 0
                : Math.max(0, Duration.between(r.oldestPending(), now).toMillis() / 1000.0))).toList(), true);
        deadLettered.register(rows.stream().map(r -> MultiGauge.Row.of(tags(r), r.dead())).toList(), true);
    }

    private static Tags tags(WebhookStore.Backlog row) {
        return Tags.of("subscription", row.subscriptionId().toString());
    }
}
