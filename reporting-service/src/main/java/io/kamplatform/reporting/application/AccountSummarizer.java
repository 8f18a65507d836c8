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
 * in full (health now, 30 and 90 days before, stage); other accounts need only their health score, except for the
 * current summary, which also carries every account's health report for now ({@link #summarizeCurrent}).
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
        return summarize(accountId, history, asOf, model, false).summary();
    }

    /**
     * A current summary: the summary and the account's full assessment (health with its factors, trend), whether a key
     * account or not, so the account health report for now is read, not folded ({@code CurrentHealthReports}).
     */
    public Summarized summarizeCurrent(String accountId, List<RecordedFact> history, Instant asOf) {
        return summarize(accountId, history, asOf, assessor.model(), true);
    }

    /** A summary and the full assessment it came with (null when not asked for and not a key account). */
    public record Summarized(AccountSummary summary, AccountAssessment assessment) {
    }

    /**
     * The current summary from a full assessment already folded at {@code asOf} under the default model (an account
     * health report for now that had to fold): no second fold. Equal to {@link #summarizeCurrent} at the same asOf.
     */
    public Summarized current(String accountId, AccountAssessment full, Instant asOf) {
        return summarize(accountId, full.facts(), full, asOf, assessor.model());
    }

    private Summarized summarize(String accountId, List<RecordedFact> history, Instant asOf, HealthModel model,
                                 boolean assessInFull) {
        // In full: one pass folds now, 30 and 90 days back. Else only a key account needs the past two (one more pass).
        AccountAssessment full = assessInFull ? assessor.assessFolded(accountId, history, asOf, model) : null;
        AccountFacts now = full != null ? full.facts() : assessor.factsAt(accountId, history, asOf);
        boolean key = now.profile() != null && now.profile().keyAccount();
        AccountAssessment assessment = full != null ? full : key ? assessor.assess(accountId, history, now, asOf, model) : null;
        return summarize(accountId, now, assessment, asOf, model);
    }

    /** The summary of the fold {@code now}, with {@code assessment} when there is one (null: health only). */
    private Summarized summarize(String accountId, AccountFacts now, AccountAssessment assessment, Instant asOf,
                                 HealthModel model) {
        boolean key = now.profile() != null && now.profile().keyAccount();
        AccountHealth health = assessment != null
                ? new AccountHealth(assessment.health().score(), assessment.health().dataCoveragePct())
                : assessor.health(now, asOf, model);
        MonthWindow window = MonthWindow.trailing(asOf, 12);
        AccountSummary summary = new AccountSummary(accountId, asOf, key, DependencyInput.of(now, window), health,
                MarginPressureCalculator.inputs(now, asOf), NeglectedInput.of(now, asOf, window),
                key ? KeyAccountView.of(assessment) : null, now.profile().sector(),
                key ? PlanStatus.of(PlanAssessment.of(now, asOf)) : null);
        return new Summarized(summary, assessment);
    }
}
