package io.kamplatform.reporting.insight;

import io.kamplatform.reporting.application.AccountSummary;
import io.kamplatform.reporting.application.KeyAccountView;
import io.kamplatform.reporting.domain.dependency.AccountHealth;
import io.kamplatform.reporting.domain.dependency.CustomerBasis;
import io.kamplatform.reporting.domain.dependency.CustomerShare;
import io.kamplatform.reporting.domain.dependency.DependencyInput;
import io.kamplatform.reporting.domain.dependency.DependencyRisk;
import io.kamplatform.reporting.domain.dependency.DependencyRiskCalculator;
import io.kamplatform.reporting.domain.dependency.DependencyRules;
import io.kamplatform.reporting.domain.margin.MarginPressure;
import io.kamplatform.reporting.domain.margin.MarginPressureCalculator;
import io.kamplatform.reporting.domain.margin.PressureFlag;
import io.kamplatform.reporting.domain.plan.ObjectiveStatus;
import io.kamplatform.reporting.domain.potential.NeglectedAccount;
import io.kamplatform.reporting.domain.potential.NeglectedPotentialFinder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every account's and the portfolio's conclusions at one instant, drawn from the account summaries with the reports'
 * own calculators (the portfolio step of margin pressure, neglected potential and dependency risk), so an insight says
 * what the reports say.
 */
public record InsightAssessment(Instant at, Map<String, AccountAssessed> accounts, PortfolioAssessed portfolio) {

    /** {@code versions}: the account version each summary was computed from. */
    public static InsightAssessment of(List<AccountSummary> summaries, Map<String, Long> versions, Instant at,
                                       DependencyRules rules) {
        Map<String, MarginPressure> pressure = new HashMap<>();
        MarginPressureCalculator.assessInputs(summaries.stream().map(AccountSummary::margin).toList(), at)
                .forEach(p -> pressure.put(p.accountId(), p));
        Map<String, NeglectedAccount> neglected = new HashMap<>();
        NeglectedPotentialFinder.findInputs(summaries.stream().map(AccountSummary::neglected).toList(), at).accounts()
                .forEach(n -> neglected.put(n.accountId(), n));
        Map<String, AccountAssessed> accounts = new LinkedHashMap<>();
        for (AccountSummary s : summaries) {
            KeyAccountView view = s.keyAccountView();
            MarginPressure p = pressure.get(s.accountId());
            List<String> flags = new ArrayList<>();
            if (p != null && p.squeeze()) {
                flags.add(PressureFlag.SQUEEZE.name());
            }
            if (p != null && p.statusAbuse()) {
                flags.add(PressureFlag.STATUS_ABUSE.name());
            }
            int overdue = s.plan() == null || s.plan().objectives() == null ? 0
                    : s.plan().objectives().getOrDefault(ObjectiveStatus.OVERDUE, 0);
            AccountConclusions conclusions = new AccountConclusions(view == null ? null : view.band(),
                    view == null ? null : view.stage(), flags, neglected.containsKey(s.accountId()), overdue);
            accounts.put(s.accountId(), new AccountAssessed(s.accountId(), versions.getOrDefault(s.accountId(), 0L),
                    conclusions, view == null ? null : view.managerId(), view == null ? null : view.score(),
                    view == null || view.topDriver() == null ? List.of() : List.of(view.topDriver()),
                    view == null ? List.of() : view.stageReasons(), s.plan() == null ? null : s.plan().planId(),
                    p == null ? null : p.score(), p == null ? List.of() : p.drivers(), neglected.get(s.accountId())));
        }
        List<DependencyInput> inputs = summaries.stream().map(AccountSummary::dependency).toList();
        Map<String, AccountHealth> health = new HashMap<>();
        summaries.forEach(s -> health.put(s.accountId(), s.health()));
        DependencyRisk byAccount = DependencyRiskCalculator.assessInputs(inputs, at, health, rules.withBy(CustomerBasis.ACCOUNT));
        DependencyRisk byGroup = DependencyRiskCalculator.assessInputs(inputs, at, health, rules.withBy(CustomerBasis.GROUP));
        PortfolioConclusions portfolio = new PortfolioConclusions(byAccount.majorCustomerIds(), byGroup.majorCustomerIds(),
                name(byAccount), name(byGroup));
        return new InsightAssessment(at, accounts, new PortfolioAssessed(portfolio, shares(byAccount), shares(byGroup),
                byAccount.hhi(), byGroup.hhi(), byAccount.effectiveCustomers(), byGroup.effectiveCustomers()));
    }

    private static String name(DependencyRisk risk) {
        return risk.concentration() == null ? null : risk.concentration().name();
    }

    private static Map<String, CustomerShare> shares(DependencyRisk risk) {
        Map<String, CustomerShare> shares = new HashMap<>();
        risk.customers().forEach(c -> shares.put(c.customerId(), c));
        return shares;
    }
}
