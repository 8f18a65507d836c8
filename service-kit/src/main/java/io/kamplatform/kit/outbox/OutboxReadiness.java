package io.kamplatform.kit.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness DOWN while the outbox invariant is broken (the relay halted rather than skip an event, or the audit
 * found unpublished events it has not yet republished): every acknowledged event must reach Kafka, and a writer that
 * cannot promise it should not take more. The backlog figures are reported either way.
 */
@IfBuildProperty(name = "kam.outbox.included", stringValue = "true", enableIfMissing = true)
@Readiness
@ApplicationScoped
public class OutboxReadiness implements HealthCheck {

    private final OutboxStatus status;

    public OutboxReadiness(OutboxStatus status) {
        this.status = status;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox").status(status.healthy())
                .withData("unpublishedEvents", status.backlog().events())
                .withData("oldestUnpublishedSeconds", Math.round(status.oldestUnpublishedSeconds()));
        if (status.violation() != null) {
            response.withData("violation", status.violation());
        }
        if (status.gapEvents() > 0) {
            response.withData("unpublishedBehindCheckpoint", status.gapEvents());
        }
        if (status.lastAudit() != null) {
            response.withData("lastAudit", status.lastAudit().outcome() + " at " + status.lastAudit().at());
        }
        return response.build();
    }
}
