package io.kamplatform.reporting.application;

import io.kamplatform.reporting.domain.dmu.DmuMap;
import io.kamplatform.reporting.domain.facts.AccountFacts;
import io.kamplatform.reporting.domain.health.HealthTrend;
import io.kamplatform.reporting.domain.health.KamHealth;
import io.kamplatform.reporting.domain.stage.StageAssessment;

/** Everything the account reports say about one account at one point in time. */
public record AccountAssessment(AccountFacts facts, KamHealth health, HealthTrend trend, StageAssessment stage, DmuMap dmu) {
}
