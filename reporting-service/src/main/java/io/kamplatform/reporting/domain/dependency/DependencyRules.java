package io.kamplatform.reporting.domain.dependency;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How the dependency figures are cut: who counts as a customer ({@code by}), and the health data coverage (percent of
 * the health model's weight) below which an account's score is too thin to price its revenue at risk.
 */
public record DependencyRules(CustomerBasis by, BigDecimal minHealthCoveragePct) {

    public static final BigDecimal DEFAULT_MIN_HEALTH_COVERAGE_PCT = BigDecimal.valueOf(50);

    public DependencyRules {
        Objects.requireNonNull(by, "by");
        if (minHealthCoveragePct == null || minHealthCoveragePct.signum() < 0
                || minHealthCoveragePct.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("minHealthCoveragePct must be between 0 and 100");
        }
    }

    /** By group, scores resting on at least half of the model's weight. */
    public static DependencyRules defaults() {
        return new DependencyRules(CustomerBasis.GROUP, DEFAULT_MIN_HEALTH_COVERAGE_PCT);
    }

    public DependencyRules withBy(CustomerBasis basis) {
        return new DependencyRules(basis, minHealthCoveragePct);
    }
}
