package io.kamplatform.reporting.domain.health;

/** Score change against 30 and 90 days before; null when either score is missing. */
public record HealthTrend(Integer deltaVs30Days, Integer deltaVs90Days) {

    public static HealthTrend of(KamHealth now, KamHealth thirtyDaysAgo, KamHealth ninetyDaysAgo) {
        return new HealthTrend(delta(now, thirtyDaysAgo), delta(now, ninetyDaysAgo));
    }

    private static Integer delta(KamHealth now, KamHealth before) {
        if (now == null || before == null || now.score() == null || before.score() == null) {
            return null;
        }
        return now.score() - before.score();
    }
}
