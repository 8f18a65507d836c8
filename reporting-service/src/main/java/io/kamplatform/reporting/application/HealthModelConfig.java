package io.kamplatform.reporting.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The KAM health model as configuration (kam.health.*): weights and thresholds are a management decision,
 * and the version names them, so every score says which model produced it.
 */
@ConfigMapping(prefix = "kam.health")
public interface HealthModelConfig {

    @WithDefault("kam-health-1")
    String version();

    Weights weights();

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

    /** Relative weights of the factors; only factors with data count. */
    interface Weights {
        @WithDefault("25")
        int dmuCoverage();

        @WithDefault("20")
        int engagement();

        @WithDefault("20")
        int service();

        @WithDefault("20")
        int commercialMomentum();

        @WithDefault("15")
        int contractSecurity();
    }
}
