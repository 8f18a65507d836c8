package io.kamplatform.reporting.application;

import io.kamplatform.reporting.domain.dependency.AccountHealth;
import io.kamplatform.reporting.domain.dependency.DependencyInput;
import io.kamplatform.reporting.domain.facts.AccountFacts;
import io.kamplatform.reporting.domain.facts.MonthWindow;
import io.kamplatform.reporting.domain.facts.RecordedFact;
import io.kamplatform.reporting.domain.health.HealthModel;
import io.kamplatform.reporting.domain.plan.PlanAssessment;
import io.kamplatform.reporting.domain.plan.PlanStatus;
import io.kamplatform.reporting.domain.margin.MarginPressureCalculator;
import io.kamplatform.reporting.domain.potential.NeglectedInput;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Computes an account's {@link AccountSummary} at a point in time from its history, with the same fold and calculators
 * the account reports use: the summary is what the fold says, only computed once and kept. A key account is assessed
 * in full (health now, 30 and 90 days before, stage); other accounts need only their health score.
 */
@ApplicationScoped
public class AccountSummarizer {

    private final AccountAssessor assessor;

    public AccountSummarizer(AccountAssessor assessor) {
        this.assessor = assessor;
    }

    public AccountSummary summarize(String accountId, List<RecordedFact> history, Instant asOf) {
        return summarize(accountId, history, asOf, assessor.model());
    }

    /** The summary with health under {@code model} (the read models keep only the default model's). */
    public AccountSummary summarize(String accountId, List<RecordedFact> history, Instant asOf, HealthModel model) {
        AccountFacts now = assessor.factsAt(accountId, history, asOf);
        boolean key = now.profile() != null && now.profile().keyAccount();
        KeyAccountView view = null;
        AccountHealth health;
        if (key) {
            AccountAssessment assessment = assessor.assess(accountId, history, now, asOf, model);
            view = KeyAccountView.of(assessment);
            health = new AccountHealth(assessment.health().score(), assessment.health().dataCoveragePct());
        } else {
            health = assessor.health(now, asOf, model);
        }
        MonthWindow window = MonthWindow.trailing(asOf, 12);
        return new AccountSummary(accountId, asOf, key, DependencyInput.of(now, window), health,
                MarginPressureCalculator.inputs(now, asOf), NeglectedInput.of(now, asOf, window), view,
                now.profile().sector(), key ? PlanStatus.of(PlanAssessment.of(now, asOf)) : null);
    }
}
