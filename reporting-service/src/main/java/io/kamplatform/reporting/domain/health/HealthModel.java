package io.kamplatform.reporting.domain.health;

import java.util.EnumMap;
import java.util.Map;

/**
 * The configuration behind a health score, versioned so every score says which model produced it.
 *
 * @param weights                        weight per factor (all factors present, each &ge; 0)
 * @param greenFrom                      scores &ge; this are GREEN
 * @param redUpTo                        scores &le; this are RED; those between are AMBER
 * @param expectedInteractionsPer90Days  two-way interactions a key account should get in 90 days
 * @param staleAfterDays                 a factor is stale when its newest input is older than this
 * @param criticalComplaintHours         complaints carry no SLA: an open CRITICAL complaint older than this counts
 *                                       as past due and forces RED
 */
public record HealthModel(String version, Map<HealthFactor, Integer> weights, int greenFrom, int redUpTo,
        int expectedInteractionsPer90Days, int staleAfterDays, int criticalComplaintHours) {

    public HealthModel {
        for (HealthFactor factor : HealthFactor.values()) {
            Integer weight = weights.get(factor);
            if (weight == null || weight < 0) {
                throw new IllegalArgumentException("weight missing or negative for " + factor);
            }
        }
        if (redUpTo >= greenFrom || expectedInteractionsPer90Days < 1 || staleAfterDays < 1) {
            throw new IllegalArgumentException("inconsistent health model " + version);
        }
        weights = Map.copyOf(new EnumMap<>(weights));
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

    public int weight(HealthFactor factor) {
        return weights.get(factor);
    }

    public Band bandOf(int score) {
        if (score >= greenFrom) {
            return Band.GREEN;
        }
        return score <= redUpTo ? Band.RED : Band.AMBER;
    }
}
