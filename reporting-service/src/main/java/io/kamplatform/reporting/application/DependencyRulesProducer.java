package io.kamplatform.reporting.application;

import io.kamplatform.reporting.domain.dependency.CustomerBasis;
import io.kamplatform.reporting.domain.dependency.DependencyRules;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The configured dependency rules, by group (a request may ask by account); a threshold outside 0–100 is refused. */
public class DependencyRulesProducer {

    @Produces
    @Singleton
    DependencyRules dependencyRules(DependencyRiskConfig config) {
        return new DependencyRules(CustomerBasis.GROUP, config.minHealthCoveragePct());
    }
}
