package io.kamplatform.reporting.domain.health;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * KAM health of one account at {@code asOf}: score 0–100 (null when no factor has data), band (null without a score
 * unless forced RED), every factor, data coverage (percent of the total weight carried by factors with data), the
 * stale factors, why RED was forced (empty when not), the top drivers in plain words and the model version.
 */
public record KamHealth(String accountId, Instant asOf, Integer score, Band band, List<FactorScore> factors,
        BigDecimal dataCoveragePct, List<String> staleFactors, List<String> criticalOverrides,
        List<String> topDrivers, String modelVersion) {

    public boolean forcedRed() {
        return !criticalOverrides.isEmpty();
    }

    public FactorScore factor(HealthFactor factor) {
        return factors.stream().filter(f -> f.name().equals(factor.label())).findFirst().orElseThrow();
    }
}
