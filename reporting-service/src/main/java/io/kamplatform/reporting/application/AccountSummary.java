package io.kamplatform.reporting.application;

import io.kamplatform.reporting.domain.dependency.AccountHealth;
import io.kamplatform.reporting.domain.dependency.DependencyInput;
import io.kamplatform.reporting.domain.margin.MarginInputs;
import io.kamplatform.reporting.domain.plan.PlanStatus;
import io.kamplatform.reporting.domain.potential.NeglectedInput;
import java.time.Instant;
import java.util.List;

/**
 * Everything the portfolio reports need of one account at one point in time ({@code asOf}): the inputs of dependency
 * risk, margin pressure and neglected potential, its health score with data coverage, and, for a key account, its
 * portfolio view, its sector (for the key-status review) and its current plan's status (key accounts; null without). The read models keep one per account and point; {@link #withoutEvidence} is what is stored as the
 * summary, {@link Evidence} (the event ids) apart, read only when asked for.
 */
public record AccountSummary(String accountId, Instant asOf, boolean keyAccount, DependencyInput dependency,
        AccountHealth health, MarginInputs margin, NeglectedInput neglected, KeyAccountView keyAccountView,
        String sector, PlanStatus plan) {

    /** The event ids behind the figures, stored apart from them. */
    public record Evidence(List<String> revenueEventIds, List<String> concessionEventIds, List<String> neglectedEventIds) {
        static final Evidence NONE = new Evidence(List.of(), List.of(), List.of());
    }

    public AccountSummary withoutEvidence() {
        return new AccountSummary(accountId, asOf, keyAccount, dependency.withoutEvidence(), health,
                margin.withoutEvidence(), neglected.withoutEvidence(), keyAccountView, sector, plan);
    }

    public Evidence evidence() {
        return new Evidence(dependency.revenueEventIds(), margin.concessionEventIds(), neglected.eventIds());
    }

    /** This summary (stored without evidence) with the evidence put back. */
    public AccountSummary with(Evidence e) {
        DependencyInput d = dependency;
        MarginInputs m = margin;
        NeglectedInput n = neglected;
        return new AccountSummary(accountId, asOf, keyAccount,
                new DependencyInput(d.accountId(), d.parentAccountId(), d.revenueCurrency(), d.revenue(), e.revenueEventIds()),
                health,
                new MarginInputs(m.accountId(), m.name(), m.keyAccount(), m.currency(), m.notes(), m.activeContractIds(),
                        m.realisation(), m.discountChanges(), m.revenue(), m.costOfSales(), m.margin(), m.quarters(),
                        m.slope(), m.concessions(), e.concessionEventIds(), m.concessionsPct(), m.serviceEvents(),
                        m.intensity(), m.revenuePrior(), m.revenueRecent()),
                new NeglectedInput(n.accountId(), n.name(), n.keyAccount(), n.potential(), n.revenueCurrency(),
                        n.revenue(), n.lastInteractionAt(), e.neglectedEventIds()),
                keyAccountView, sector, plan);
    }
}
