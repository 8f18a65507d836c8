package io.kamplatform.relationship.messaging;

import io.kamplatform.kit.messaging.ConsumerStalls;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while learning registrations from kam.account.events waits for the database: events for accounts
 * registered meanwhile would be refused as unknown. Readiness, not liveness: a restart does not bring the database
 * back, and consumption resumes by itself.
 */
@Readiness
@ApplicationScoped
public class AccountRegistrationsReadiness implements HealthCheck {

    private final ConsumerStalls stalls;

    public AccountRegistrationsReadiness(ConsumerStalls stalls) {
        this.stalls = stalls;
    }

    @Override
    public HealthCheckResponse call() {
        var current = stalls.current();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("account-registrations").status(current.isEmpty());
        current.forEach(stall -> response.withData(stall.topic(), "stalled: " + stall.describe()));
        return response.build();
    }
}
