package io.kamplatform.reporting.insight;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The insight outbox's backlog in the readiness report, with {@code stalled: true} when its oldest unpublished insight
 * is older than {@code kam.insights.stall-after}. It stays UP then: the reports do not depend on Kafka accepting
 * insights, so taking them offline would not help; the metric {@code kam_insights_outbox_oldest_unpublished_seconds}
 * raises the alert instead (deploy/kubernetes/monitoring, KamInsightOutboxStalled). Nothing is lost meanwhile: the
 * rows wait in the outbox.
 */
@Readiness
@ApplicationScoped
public class InsightOutboxReadiness implements HealthCheck {

    private final InsightMetrics metrics;
    private final InsightConfig config;

    public InsightOutboxReadiness(InsightMetrics metrics, InsightConfig config) {
        this.metrics = metrics;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("insight-outbox").up()
                .withData("unpublishedInsights", metrics.unpublished())
                .withData("oldestUnpublishedSeconds", Math.round(metrics.oldestUnpublishedSeconds()))
                .withData("stalled", metrics.oldestUnpublishedSeconds() > config.stallAfter().toSeconds())
                .build();
    }
}
