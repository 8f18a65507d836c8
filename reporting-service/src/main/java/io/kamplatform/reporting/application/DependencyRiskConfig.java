package io.kamplatform.reporting.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/**
 * Dependency-risk rules as configuration (kam.dependency.*): below {@code min-health-coverage-pct} percent of the
 * health model's weight an account's score rests on too little data to price its revenue at risk; that revenue is
 * reported as unknown risk instead.
 */
@ConfigMapping(prefix = "kam.dependency")
public interface DependencyRiskConfig {

    @WithDefault("50")
    BigDecimal minHealthCoveragePct();
}
