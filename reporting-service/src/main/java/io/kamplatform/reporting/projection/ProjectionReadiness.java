package io.kamplatform.reporting.projection;

import io.kamplatform.kit.messaging.ConsumerStalls;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while a topic's projection waits for the infrastructure: the reports would answer from a history that
 * stopped moving. Readiness, not liveness: a restart does not bring a database back, and the projection resumes by
 * itself when it returns.
 */
@Readiness
@ApplicationScoped
public class ProjectionReadiness implements HealthCheck {

    static final String NAME = "kam-projection";

    private final ConsumerStalls stalls;
    private final ProjectionLag lag;

    public ProjectionReadiness(ConsumerStalls stalls, ProjectionLag lag) {
        this.stalls = stalls;
        this.lag = lag;
    }

    @Override
    public HealthCheckResponse call() {
        var current = stalls.current();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(current.isEmpty());
        if (current.isEmpty()) {
            response.withData("projection", "consuming");
        }
        // Informational: a service catching up is still ready (it answers, and its reports say how current they are).
        ProjectionLag.Snapshot snapshot = lag.current();
        response.withData("state", snapshot.state()).withData("lagRecords", snapshot.lagRecords());
        current.forEach(stall -> response.withData(stall.topic(), "stalled: " + stall.describe()));
        return response.build();
    }
}
