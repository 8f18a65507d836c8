package io.kamplatform.reporting.insight;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The insights' metrics: {@code kam_insights_derived_total{type}} (insights added to the outbox),
 * {@code kam_insights_published_total}, {@code kam_insights_outbox_unpublished} and
 * {@code kam_insights_outbox_oldest_unpublished_seconds} (measured by the relay), and
 * {@code kam_insights_last_pass_age_seconds} (since the last pass that ran; -1 before the first).
 */
@ApplicationScoped
public class InsightMetrics {

    private final MeterRegistry registry;
    private final AtomicLong unpublished = new AtomicLong();
    private final AtomicReference<Double> oldest = new AtomicReference<>(0.0);
    private final AtomicLong lastPassNanos = new AtomicLong(Long.MIN_VALUE);

    public InsightMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("kam.insights.outbox.unpublished", unpublished, AtomicLong::get)
                .description("Insights in the outbox not yet acknowledged by Kafka").register(registry);
        Gauge.builder("kam.insights.outbox.oldest.unpublished.seconds", oldest, AtomicReference::get)
                .description("Age of the oldest unpublished insight (0 when none)").baseUnit("seconds").register(registry);
        Gauge.builder("kam.insights.last.pass.age.seconds", lastPassNanos,
                        t -> t.get() == Long.MIN_VALUE ? -1 : (System.nanoTime() - t.get()) / 1e9)
                .description("Seconds since the last insight pass that ran (-1 before the first)").baseUnit("seconds")
                .register(registry);
    }

    void derived(Insight insight) {
        registry.counter("kam.insights.derived", "type", insight.type().name()).increment();
    }

    void published(int count) {
        registry.counter("kam.insights.published").increment(count);
    }

    void passRan() {
        lastPassNanos.set(System.nanoTime());
    }

    void backlog(InsightStore.Backlog backlog) {
        unpublished.set(backlog.rows());
        oldest.set(backlog.oldestSeconds());
    }

    public long unpublished() {
        return unpublished.get();
    }

    public double oldestUnpublishedSeconds() {
        return oldest.get();
    }
}
