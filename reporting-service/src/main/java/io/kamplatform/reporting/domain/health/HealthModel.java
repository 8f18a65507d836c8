package io.kamplatform.reporting.domain.health;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration behind a health score, versioned so every score says which model produced it.
 *
 * @param weights                        weight per factor the model uses (the others are not assessed); each &ge; 0,
 *                                       at least one &gt; 0
 * @param greenFrom                      scores &ge; this are GREEN
 * @param redUpTo                        scores &le; this are RED; those between are AMBER
 * @param expectedInteractionsPer90Days  two-way interactions a key account should get in 90 days
 * @param staleAfterDays                 a factor is stale when its newest input is older than this
 * @param criticalComplaintHours         complaints carry no SLA: an open CRITICAL complaint older than this counts
 *                                       as past due and forces RED
 * @param minCoveragePct                 a score gets a band only when factors with data carry at least this percent of
 *                                       the weight (below: no band, "insufficient data"; a forced RED stays RED); 0 = any
 */
public record HealthModel(String version, Map<HealthFactor, Integer> weights, int greenFrom, int redUpTo,
        int expectedInteractionsPer90Days, int staleAfterDays, int criticalComplaintHours, int minCoveragePct) {

    public HealthModel {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("a health model needs a version");
        }
        if (weights.isEmpty() || weights.values().stream().anyMatch(w -> w == null || w < 0)
                || weights.values().stream().mapToInt(Integer::intValue).sum() == 0) {
            throw new IllegalArgumentException("health model " + version
                    + ": weights must be >= 0 with at least one factor weighted above 0");
        }
        if (redUpTo >= greenFrom || expectedInteractionsPer90Days < 1 || staleAfterDays < 1
                || minCoveragePct < 0 || minCoveragePct > 100) {
            throw new IllegalArgumentException("inconsistent health model " + version);
        }
        weights = Map.copyOf(new EnumMap<>(weights));
    }

    /** A model with the five factors of kam-health-1 and no coverage floor (the form the first model had). */
    public HealthModel(String version, Map<HealthFactor, Integer> weights, int greenFrom, int redUpTo,
                       int expectedInteractionsPer90Days, int staleAfterDays, int criticalComplaintHours) {
        this(version, weights, greenFrom, redUpTo, expectedInteractionsPer90Days, staleAfterDays, criticalComplaintHours, 0);
    }

    /** kam-health-1: DMU 25, engagement 20, service 20, commercial 20, contract 15; green &ge; 76, red &le; 50. */
    public static HealthModel defaults() {
        return new HealthModel("kam-health-1", Map.of(
                HealthFactor.DMU_COVERAGE, 25,
                HealthFactor.ENGAGEMENT, 20,
                HealthFactor.SERVICE, 20,
                HealthFactor.COMMERCIAL_MOMENTUM, 20,
                HealthFactor.CONTRACT_SECURITY, 15), 76, 50, 6, 90, 72);
    }

    /** The factors this model assesses, in the reports' order. */
    public List<HealthFactor> factors() {
        return new EnumMap<>(weights).keySet().stream().toList();
    }

    /** The factor's weight; 0 when the model does not use it. */
    public int weight(HealthFactor factor) {
        return weights.getOrDefault(factor, 0);
    }

    public Band bandOf(int score) {
        if (score >= greenFrom) {
            return Band.GREEN;
        }
        return score <= redUpTo ? Band.RED : Band.AMBER;
    }
}
