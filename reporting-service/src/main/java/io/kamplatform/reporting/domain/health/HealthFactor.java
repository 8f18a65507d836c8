package io.kamplatform.reporting.domain.health;

import io.kamplatform.reporting.domain.facts.AccountFacts;
import java.time.Instant;

/**
 * The factors a health model can weigh, with the names reports show and the class that scores each. A model uses the
 * factors it gives a weight (HealthModel#weights); adding a factor is one class and one constant here.
 */
public enum HealthFactor {
    DMU_COVERAGE("DMU coverage", DmuCoverageFactor::assess),
    ENGAGEMENT("Engagement", EngagementFactor::assess),
    SERVICE("Service", ServiceFactor::assess),
    COMMERCIAL_MOMENTUM("Commercial momentum", CommercialFactor::assess),
    CONTRACT_SECURITY("Contract security", ContractFactor::assess),
    MARGIN_HEALTH("Margin health", MarginHealthFactor::assess),
    PLAN_EXECUTION("Plan execution", PlanExecutionFactor::assess);

    /** Scores one factor of an account at asOf under a model (the model gives its weight and thresholds). */
    interface Rule {
        Assessed assess(AccountFacts facts, Instant asOf, HealthModel model);
    }

    private final String label;
    private final Rule rule;

    HealthFactor(String label, Rule rule) {
        this.label = label;
        this.rule = rule;
    }

    public String label() {
        return label;
    }

    Assessed assess(AccountFacts facts, Instant asOf, HealthModel model) {
        return rule.assess(facts, asOf, model);
    }

    /** The factor of a configuration key ({@code dmu-coverage}, {@code margin-health}, …), if any. */
    public static java.util.Optional<HealthFactor> ofKey(String key) {
        for (HealthFactor f : values()) {
            if (f.key().equals(key)) {
                return java.util.Optional.of(f);
            }
        }
        return java.util.Optional.empty();
    }

    /** The configuration key: the constant in kebab case. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
