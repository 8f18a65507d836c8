package io.kamplatform.reporting.domain.health;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One factor of health: its score (0–100, one decimal; null when the account has no data for it, so it is left out
 * of the weighted mean), its weight, the inputs that produced it (name → string, number or boolean, in reading
 * order), the events behind them, whether its newest input is stale, and a sentence a manager can read.
 */
public record FactorScore(String name, BigDecimal score, int weight, Map<String, Object> inputs,
        List<String> eventIds, boolean stale, String explanation) {

    public boolean hasData() {
        return score != null;
    }
}
