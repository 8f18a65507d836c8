package io.kamplatform.reporting.application;

import io.kamplatform.reporting.domain.facts.AccountFacts;
import io.kamplatform.reporting.domain.facts.AccountPlan;
import io.kamplatform.reporting.domain.plan.PlanAssessment;
import io.kamplatform.reporting.domain.plan.PlanCoverage;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The account plan reports: an account's current plan assessed (folded from its history, like every account report)
 * and the portfolio's plan coverage (from the account summaries, one row per key account).
 */
@ApplicationScoped
public class PlanReports {

    /** The plan current at asOf, assessed (null when none), and every plan of the account known by then. */
    public record AccountPlans(PlanAssessment current, List<PlanPeriod> plans) {
    }

    /** A plan's id and period, newest period first. */
    public record PlanPeriod(String planId, LocalDate periodStart, LocalDate periodEnd, Instant publishedAt) {
    }

    private final AccountAssessor assessor;
    private final KamReports reports;

    public PlanReports(AccountAssessor assessor, KamReports reports) {
        this.assessor = assessor;
        this.reports = reports;
    }

    /** Empty when nothing about the account had happened by asOf. */
    public Uni<Optional<AccountPlans>> account(String accountId, Instant asOf) {
        return account(accountId, asOf, null);
    }

    /** The same from the facts known by {@code knownAt} (null: every fact projected). */
    public Uni<Optional<AccountPlans>> account(String accountId, Instant asOf, Instant knownAt) {
        return reports.facts(accountId, asOf, knownAt).map(stored -> {
            reports.computing("account-plan");
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            AccountFacts facts = assessor.factsAt(accountId, assessor.history(stored), asOf);
            List<PlanPeriod> plans = facts.plans().values().stream()
                    .sorted(Comparator.comparing(AccountPlan::periodStart).reversed())
                    .map(p -> new PlanPeriod(p.planId(), p.periodStart(), p.periodEnd(), p.publishedAt())).toList();
            return Optional.of(new AccountPlans(PlanAssessment.of(facts, asOf), plans));
        });
    }

    /** Plan coverage over the key accounts at asOf, and the read model's status. */
    public Uni<Coverage> coverage(Instant asOf) {
        return coverage(asOf, null);
    }

    /** The same from the facts known by {@code knownAt} (null: every fact projected). */
    public Uni<Coverage> coverage(Instant asOf, Instant knownAt) {
        return EventLoopGuard.offLoop(reports.summaries(asOf, false, null, knownAt)).map(summaries -> {
            reports.computing("plan-coverage");
            List<PlanCoverage.Account> keys = summaries.accounts().stream()
                    .filter(s -> s.keyAccount() && s.keyAccountView() != null)
                    .map(s -> new PlanCoverage.Account(s.accountId(), s.keyAccountView().name(),
                            s.keyAccountView().managerId(), s.keyAccountView().managerName(), s.plan()))
                    .toList();
            return new Coverage(PlanCoverage.of(keys, asOf), summaries.status());
        });
    }

    public record Coverage(PlanCoverage coverage, PortfolioReadModel.ReadModelStatus readModel) {
    }
}
