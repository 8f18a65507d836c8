package io.kamplatform.reporting.domain.dependency;

import io.kamplatform.reporting.domain.Decimals;
import io.kamplatform.reporting.domain.Portfolio;
import io.kamplatform.reporting.domain.facts.AccountFacts;
import io.kamplatform.reporting.domain.facts.MonthWindow;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Dependency risk of the portfolio on trailing-12-month revenue (the 12 calendar months complete at asOf, UTC), each
 * account rolled up to its top parent. With rᵢ the revenue of customer i (only rᵢ > 0 count) and T = Σ rᵢ:
 * shareᵢ = rᵢ / T × 100; top-k share = Σ of the k largest / T; top 20% = the ceil(0.2 × n) largest customers;
 * N80 = fewest customers whose cumulative share ≥ 80%; HHI = Σ shareᵢ² = 10,000 × Σ rᵢ² / T² (0–10,000);
 * N_eff = 10,000 / HHI = T² / Σ rᵢ²; major customer: share ≥ 10%; revenue at risk = Σ rᵢ × (1 − hᵢ / 100) with hᵢ
 * the revenue-weighted mean health of the customer's accounts with positive revenue (a missing score counts as 50).
 * KAM is justified when few customers make a large share: top-20% share ≥ 60% or N80 ≤ 20% of the customers.
 * Ranking ties are broken by customer id.
 */
public final class DependencyRiskCalculator {

    static final int TRAILING_MONTHS = 12;
    static final int ASSUMED_HEALTH = 50;
    static final BigDecimal MAJOR_SHARE_PCT = BigDecimal.TEN;
    static final BigDecimal PARETO_SHARE_PCT = BigDecimal.valueOf(80);
    static final BigDecimal KAM_TOP20_SHARE_PCT = BigDecimal.valueOf(60);
    static final BigDecimal HHI_MODERATE = BigDecimal.valueOf(1500);
    static final BigDecimal HHI_HIGH = BigDecimal.valueOf(2500);
    static final BigDecimal HHI_SEVERE = BigDecimal.valueOf(5000);
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private DependencyRiskCalculator() {
    }

    public static DependencyRisk assess(List<AccountFacts> accounts, Instant asOf, Map<String, Integer> healthScores) {
        Map<String, AccountFacts> byId = Portfolio.byId(accounts);
        return compute(byId, new CustomerGroups(byId), null, asOf, healthScores == null ? Map.of() : healthScores);
    }

    /**
     * The same figures without the customer group of {@code leavingAccountOrGroupId} (an account id or a group id:
     * the whole group leaves, as groups under common control buy together).
     *
     * @throws IllegalArgumentException when the id is neither an account nor a group of the portfolio
     */
    public static DependencyStressTest stressTest(List<AccountFacts> accounts, Instant asOf,
            Map<String, Integer> healthScores, String leavingAccountOrGroupId) {
        Map<String, AccountFacts> byId = Portfolio.byId(accounts);
        CustomerGroups groups = new CustomerGroups(byId);
        Map<String, Integer> health = healthScores == null ? Map.of() : healthScores;
        String group = groups.groupOf.containsValue(leavingAccountOrGroupId) ? leavingAccountOrGroupId
                : groups.groupOf.get(leavingAccountOrGroupId);
        if (group == null) {
            throw new IllegalArgumentException("No account or customer group " + leavingAccountOrGroupId);
        }
        List<String> members = groups.groupOf.entrySet().stream().filter(e -> e.getValue().equals(group))
                .map(Map.Entry::getKey).toList();
        DependencyRisk before = compute(byId, groups, null, asOf, health);
        DependencyRisk after = compute(byId, groups, group, asOf, health);
        BigDecimal leavingRevenue = before.totalRevenue().subtract(after.totalRevenue());

        List<String> summary = new ArrayList<>();
        summary.add("Without " + group + " (" + String.join(", ", members) + "): revenue "
                + Decimals.plain(before.totalRevenue()) + " → " + Decimals.plain(after.totalRevenue()) + " ("
                + (before.totalRevenue().signum() > 0
                        ? "−" + Decimals.plain(Decimals.two(Decimals.pct(leavingRevenue, before.totalRevenue()))) + "%"
                        : "no revenue before") + ")");
        summary.add("HHI " + Decimals.plain(before.hhi()) + " → " + Decimals.plain(after.hhi()) + ", effective customers "
                + Decimals.plain(before.effectiveCustomers()) + " → " + Decimals.plain(after.effectiveCustomers()));
        summary.add("Concentration " + before.concentration() + " → " + after.concentration() + "; KAM justified "
                + before.kamJustified() + " → " + after.kamJustified());
        return new DependencyStressTest(leavingAccountOrGroupId, group, members, leavingRevenue, before, after,
                after.totalRevenue().subtract(before.totalRevenue()), diff(after.hhi(), before.hhi()),
                diff(after.effectiveCustomers(), before.effectiveCustomers()),
                diff(after.top1SharePct(), before.top1SharePct()),
                diff(after.top20PctSharePct(), before.top20PctSharePct()),
                after.n80() == null || before.n80() == null ? null : after.n80() - before.n80(),
                after.revenueAtRisk().subtract(before.revenueAtRisk()),
                after.concentration() != before.concentration(), List.copyOf(summary));
    }

    private static BigDecimal diff(BigDecimal after, BigDecimal before) {
        return after == null || before == null ? null : after.subtract(before);
    }

    /** Revenue, weighted health and events of one customer while aggregating. */
    private static final class Customer {
        final String id;
        final List<String> members = new ArrayList<>();
        final List<String> eventIds = new ArrayList<>();
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal positiveRevenue = BigDecimal.ZERO;
        BigDecimal weightedHealth = BigDecimal.ZERO;

        Customer(String id) {
            this.id = id;
        }

        BigDecimal health() {
            return positiveRevenue.signum() > 0 ? weightedHealth.divide(positiveRevenue, Decimals.MC)
                    : BigDecimal.valueOf(ASSUMED_HEALTH);
        }

        BigDecimal atRisk() {
            return revenue.multiply(Decimals.HUNDRED.subtract(health())).divide(Decimals.HUNDRED, Decimals.MC);
        }
    }

    private static DependencyRisk compute(Map<String, AccountFacts> byId, CustomerGroups groups, String leavingGroup,
            Instant asOf, Map<String, Integer> healthScores) {
        MonthWindow window = MonthWindow.trailing(asOf, TRAILING_MONTHS);
        String currency = Portfolio.revenueCurrency(byId.values());
        List<String> notes = new ArrayList<>(groups.notes);
        Map<String, Customer> customers = new TreeMap<>();
        for (Map.Entry<String, String> entry : groups.groupOf.entrySet()) {
            String accountId = entry.getKey();
            if (entry.getValue().equals(leavingGroup)) {
                continue;
            }
            AccountFacts facts = byId.get(accountId);
            Customer customer = customers.computeIfAbsent(entry.getValue(), Customer::new);
            customer.members.add(accountId);
            if (facts.revenueCurrency() != null && !facts.revenueCurrency().equals(currency)) {
                notes.add("Account " + accountId + " has revenue in " + facts.revenueCurrency() + ", not " + currency
                        + ": left out");
                continue;
            }
            BigDecimal revenue = facts.revenueOf(window.from(), window.to());
            customer.revenue = customer.revenue.add(revenue);
            customer.eventIds.addAll(facts.revenueEventIds(window.from(), window.to()));
            if (revenue.signum() > 0) {
                Integer score = healthScores.get(accountId);
                if (score == null) {
                    notes.add("No health score for account " + accountId + ": " + ASSUMED_HEALTH + " assumed");
                    score = ASSUMED_HEALTH;
                }
                BigDecimal health = BigDecimal.valueOf(Math.max(0, Math.min(100, score)));
                customer.positiveRevenue = customer.positiveRevenue.add(revenue);
                customer.weightedHealth = customer.weightedHealth.add(revenue.multiply(health));
            }
        }
        List<Customer> ranked = customers.values().stream().filter(c -> c.revenue.signum() > 0)
                .sorted(Comparator.comparing((Customer c) -> c.revenue).reversed().thenComparing(c -> c.id))
                .toList();
        List<ExcludedCustomer> excluded = customers.values().stream().filter(c -> c.revenue.signum() <= 0)
                .map(c -> new ExcludedCustomer(c.id, List.copyOf(c.members), c.revenue)).toList();
        if (!excluded.isEmpty()) {
            notes.add(excluded.size() + " customer(s) with zero or negative revenue in " + window
                    + " left out of the shares");
        }
        return figures(asOf, window, currency, ranked, excluded, notes);
    }

    private static DependencyRisk figures(Instant asOf, MonthWindow window, String currency, List<Customer> ranked,
            List<ExcludedCustomer> excluded, List<String> notes) {
        int n = ranked.size();
        BigDecimal total = ranked.stream().map(c -> c.revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (n == 0) {
            return new DependencyRisk(asOf, window, currency, total, 0, List.of(), null, null, null, 0, null, null,
                    null, null, List.of(), BigDecimal.ZERO, null, ConcentrationLevel.NO_REVENUE, false,
                    List.of("No customer has positive revenue in " + window + ": no concentration to measure"),
                    List.of(), excluded, List.copyOf(notes));
        }
        List<CustomerShare> shares = new ArrayList<>();
        List<ParetoPoint> pareto = new ArrayList<>();
        BigDecimal cumulative = BigDecimal.ZERO;
        BigDecimal sumOfSquares = BigDecimal.ZERO;
        BigDecimal atRisk = BigDecimal.ZERO;
        Integer n80 = null;
        for (int i = 0; i < n; i++) {
            Customer c = ranked.get(i);
            cumulative = cumulative.add(c.revenue);
            sumOfSquares = sumOfSquares.add(c.revenue.multiply(c.revenue));
            atRisk = atRisk.add(c.atRisk());
            if (n80 == null && cumulative.multiply(Decimals.HUNDRED).compareTo(PARETO_SHARE_PCT.multiply(total)) >= 0) {
                n80 = i + 1;
            }
            BigDecimal share = Decimals.two(Decimals.pct(c.revenue, total));
            BigDecimal cumulativeShare = Decimals.two(Decimals.pct(cumulative, total));
            boolean major = c.revenue.multiply(Decimals.HUNDRED).compareTo(MAJOR_SHARE_PCT.multiply(total)) >= 0;
            shares.add(new CustomerShare(i + 1, c.id, List.copyOf(c.members), c.revenue, share, cumulativeShare, major,
                    Decimals.two(c.health()), Decimals.two(c.atRisk()), List.copyOf(c.eventIds)));
            pareto.add(new ParetoPoint(i + 1, c.id, share, cumulativeShare));
        }
        BigDecimal hhiExact = TEN_THOUSAND.multiply(sumOfSquares).divide(total.multiply(total), Decimals.MC);
        BigDecimal nEff = total.multiply(total).divide(sumOfSquares, Decimals.MC);
        int top20Count = (n + 4) / 5;
        BigDecimal top20Revenue = top(ranked, top20Count);
        boolean top20Pareto = top20Revenue.multiply(Decimals.HUNDRED)
                .compareTo(KAM_TOP20_SHARE_PCT.multiply(total)) >= 0;
        boolean fewMake80 = 5L * n80 <= n;
        ConcentrationLevel level = hhiExact.compareTo(HHI_MODERATE) < 0 ? ConcentrationLevel.LOW
                : hhiExact.compareTo(HHI_HIGH) <= 0 ? ConcentrationLevel.MODERATE
                : hhiExact.compareTo(HHI_SEVERE) < 0 ? ConcentrationLevel.HIGH : ConcentrationLevel.SEVERE;
        List<CustomerShare> majors = shares.stream().filter(CustomerShare::major).toList();

        BigDecimal hhi = Decimals.two(hhiExact);
        BigDecimal top20Share = Decimals.two(Decimals.pct(top20Revenue, total));
        List<String> reasons = new ArrayList<>();
        reasons.add("HHI " + Decimals.plain(hhi) + " (" + switch (level) {
            case LOW -> "< 1500: unconcentrated";
            case MODERATE -> "1500–2500: moderately concentrated";
            case HIGH -> "> 2500: highly concentrated";
            default -> "≥ 5000: severely concentrated";
        } + "): revenue behaves as if from " + Decimals.plain(Decimals.two(nEff)) + " equal customers");
        reasons.add("Top 20% of customers (" + top20Count + " of " + n + ") make " + Decimals.plain(top20Share)
                + "% of revenue" + (top20Pareto ? " (≥ 60%: the 80/20 pattern)" : " (< 60%)"));
        reasons.add("80% of revenue comes from " + n80 + " of " + n + " customers"
                + (fewMake80 ? " (≤ 20% of them)" : " (more than 20% of them)"));
        reasons.add(majors.isEmpty() ? "No customer at ≥ 10% of revenue"
                : majors.size() + " customer(s) at ≥ 10% of revenue: " + majors.stream()
                        .map(m -> m.customerId() + " " + Decimals.plain(m.sharePct()) + "%")
                        .collect(Collectors.joining(", ")));
        reasons.add(top20Pareto || fewMake80
                ? "KAM is justified: few customers make a large share of revenue"
                : "KAM is not justified by concentration: revenue is spread across customers");

        return new DependencyRisk(asOf, window, currency, total, n, List.copyOf(shares),
                Decimals.two(Decimals.pct(top(ranked, 1), total)), Decimals.two(Decimals.pct(top(ranked, 5), total)),
                Decimals.two(Decimals.pct(top(ranked, 10), total)), top20Count, top20Share, n80, hhi,
                Decimals.two(nEff), majors.stream().map(CustomerShare::customerId).toList(), Decimals.two(atRisk),
                Decimals.two(Decimals.pct(atRisk, total)), level, top20Pareto || fewMake80, List.copyOf(reasons),
                List.copyOf(pareto), excluded, notes.stream().filter(Objects::nonNull).distinct().toList());
    }

    private static BigDecimal top(List<Customer> ranked, int k) {
        return ranked.stream().limit(k).map(c -> c.revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
