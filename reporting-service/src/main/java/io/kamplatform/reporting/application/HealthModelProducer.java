package io.kamplatform.reporting.application;

import io.kamplatform.reporting.domain.health.HealthFactor;
import io.kamplatform.reporting.domain.health.HealthModel;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Map;

/** Builds the health model from configuration; an inconsistent one stops the service at start. */
public class HealthModelProducer {

    @Produces
    @Singleton
    HealthModel healthModel(HealthModelConfig config) {
        HealthModelConfig.Weights w = config.weights();
        return new HealthModel(config.version(), Map.of(
                HealthFactor.DMU_COVERAGE, w.dmuCoverage(),
                HealthFactor.ENGAGEMENT, w.engagement(),
                HealthFactor.SERVICE, w.service(),
                HealthFactor.COMMERCIAL_MOMENTUM, w.commercialMomentum(),
                HealthFactor.CONTRACT_SECURITY, w.contractSecurity()),
                config.greenFrom(), config.redUpTo(), config.expectedInteractionsPer90Days(), config.staleAfterDays(),
                config.criticalComplaintHours());
    }
}
