package io.kamplatform.reporting.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/**
 * The KAM health models as configuration (kam.health.*): weights and thresholds are a management decision, and each
 * model is named by its version, so every score says which model produced it. Adding a model is configuration
 * ({@code kam.health.models.<version>.*}); a new factor is one class (see HealthFactor).
 */
@ConfigMapping(prefix = "kam.health")
public interface HealthModelConfig {

    /** The model of the read models, the dashboard and every report asked without {@code model}. */
    @WithDefault("kam-health-1")
    String defaultModel();

    /** Every model, by version. */
    Map<String, Model> models();

    interface Model {

        /**
         * Weight per factor key (dmu-coverage, engagement, service, commercial-momentum, contract-security,
         * margin-health); a factor without a weight is not part of the model.
         */
        Map<String, Integer> weights();

        @WithDefault("76")
        int greenFrom();

        @WithDefault("50")
        int redUpTo();

        @WithDefault("6")
        int expectedInteractionsPer90Days();

        @WithDefault("90")
        int staleAfterDays();

        @WithDefault("72")
        int criticalComplaintHours();

        /** A score gets a band only when factors with data carry at least this percent of the weight. */
        @WithDefault("0")
        int minCoveragePct();
    }
}
