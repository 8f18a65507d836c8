package io.kamplatform.reporting.domain.dependency;

import io.kamplatform.reporting.domain.Decimals;
import io.kamplatform.reporting.domain.Portfolio;
import io.kamplatform.reporting.domain.facts.AccountFacts;
import io.kamplatform.reporting.domain.facts.MonthWindow;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Dependency risk of the portfolio on trailing-12-month revenue (the 12 calendar months complete at asOf, UTC), each
 * account counted as its own customer or rolled up to its top parent ({@link DependencyRules#by()}). With rᵢ the
 * revenue of customer i (only rᵢ > 0 count) and T = Σ rᵢ: shareᵢ = rᵢ / T × 100; top-k share = Σ of the k largest /
 * T; top 20% = the ceil(0.2 × n) largest customers; N80 = fewest customers whose cumulative share ≥ 80%;
 * HHI = Σ shareᵢ² = 10,000 × Σ rᵢ² / T² (0–10,000); N_eff = 10,000 / HHI = T² / Σ rᵢ²; major customer: share ≥ 10%.
 * Revenue at risk = Σ rₐ × (1 − hₐ / 100) over the accounts a with positive revenue whose health is known (a score
 * resting on at least the rules' minimum data coverage); the revenue of the other accounts is unknown risk, reported
 * apart and never priced at an assumed score. A customer's health = the revenue-weighted mean over its known accounts.
 * The KAM verdict: {@link KamJustification}. Ranking ties are broken by customer id.
 */
public final class DependencyRiskCalculator {

    static final int TRAILING_MONTHS = 12;
    static final BigDecimal MAJOR_SHARE_PCT = BigDecimal.TEN;
    static final BigDecimal PARETO_SHARE_PCT = BigDecimal.valueOf(80);
    static final BigDecimal HHI_MODERATE = BigDecimal.valueOf(1500);
    static final BigDecimal HHI_HIGH = BigDecimal.valueOf(2500);
    static final BigDecimal HHI_SEVERE = BigDecimal.valueOf(5000);
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private DependencyRiskCalculator() {
    }

    public static DependencyRisk assess(List<AccountFacts> accounts, Instant asOf, Map<String, AccountHealth> health,
            DependencyRules rules) {
        return assessInputs(inputs(accounts, asOf), asOf, health, rules);
    }

    /** The same report from each account's {@link DependencyInput} (e.g. as the read models keep them). */
    public static DependencyRisk assessInputs(List<DependencyInput> accounts, Instant asOf,
            Map<String, AccountHealth> health, DependencyRules rules) {
        Map<String, DependencyInput> byId = byId(accounts);
        return compute(byId, new CustomerGroups(byId, rules.by()), null, asOf, orEmpty(health), rules);
    }

    /** Each account's inputs at asOf, from its fold (first of repeated ids wins). */
    public static List<DependencyInput> inputs(List<AccountFacts> accounts, Instant asOf) {
        MonthWindow window = MonthWindow.trailing(asOf, TRAILING_MONTHS);
        return Portfolio.byId(accounts).values().stream().map(a -> DependencyInput.of(a, window)).toList();
    }

    private static Map<String, DependencyInput> byId(List<DependencyInput> accounts) {
        Map<String, DependencyInput> byId = new java.util.LinkedHashMap<>();
        accounts.forEach(a -> byId.putIfAbsent(Objects.requireNonNull(a.accountId()), a));
        return byId;
    }

    /**
     * The same figures without one customer of the {@code rules.by()} view: by ACCOUNT the named account alone (one
     * subsidiary can leave); by GROUP the whole group of the named account or group (groups under common control buy
     * and leave together).
     *
     * @throws UnknownCustomerException when the id names no customer of that view
     */
    public static DependencyStressTest stressTest(List<AccountFacts> accounts, Instant asOf,
            Map<String, AccountHealth> healthByAccount, DependencyRules rules, String leavingId) {
        return stressTestInputs(inputs(accounts, asOf), asOf, healthByAccount, rules, leavingId);
    }

    /** The stress test from each account's {@link DependencyInput}. */
    public static DependencyStressTest stressTestInputs(List<DependencyInput> accounts, Instant asOf,
            Map<String, AccountHealth> healthByAccount, DependencyRules rules, String leavingId) {
        Map<String, DependencyInput> byId = byId(accounts);
        CustomerGroups groups = new CustomerGroups(byId, rules.by());
        Map<String, AccountHealth> health = orEmpty(healthByAccount);
        String customer = groups.groupOf.containsKey(leavingId) ? groups.groupOf.get(leavingId)
                : groups.groupOf.containsValue(leavingId) ? leavingId : null;
        if (customer == null) {
            boolean aGroup = new CustomerGroups(byId, CustomerBasis.GROUP).groupOf.containsValue(leavingId);
            throw new UnknownCustomerException(aGroup
                    ? "'" + leavingId + "' is a customer group, not an account: with by=account name one of its "
                            + "accounts " + new CustomerGroups(byId, CustomerBasis.GROUP).members(leavingId)
                            + ", or use by=group"
                    : "no account or customer group '" + leavingId + "' in the portfolio as of " + asOf);
        }
        List<String> members = groups.members(customer);
        DependencyRisk before = compute(byId, groups, null, asOf, health, rules);
        DependencyRisk after = compute(byId, groups, customer, asOf, health, rules);
        BigDecimal leavingRevenue = before.totalRevenue().subtract(after.totalRevenue());

        List<String> summary = new ArrayList<>();
        summary.add("Without " + customer + " (" + String.join(", ", members) + "): revenue "
                + Decimals.plain(before.totalRevenue()) + " → " + Decimals.plain(after.totalRevenue()) + " ("
                + (before.totalRevenue().signum() > 0
                        ? "−" + Decimals.plain(Decimals.two(Decimals.pct(leavingRevenue, before.totalRevenue()))) + "%"
                        : "no revenue before") + ")");
        summary.add("HHI " + Decimals.plain(before.hhi()) + " → " + Decimals.plain(after.hhi()) + ", effective customers "
                + Decimals.plain(before.effectiveCustomers()) + " → " + Decimals.plain(after.effectiveCustomers()));
        summary.add("Concentration " + before.concentration() + " → " + after.concentration() + "; KAM justified "
                + before.kamJustified() + " → " + after.kamJustified());
        return new DependencyStressTest(leavingId, rules.by(), customer, members, leavingRevenue, before, after,
                after.totalRevenue().subtract(before.totalRevenue()), diff(after.hhi(), before.hhi()),
                diff(after.effectiveCustomers(), before.effectiveCustomers()),
                diff(after.top1SharePct(), before.top1SharePct()),
                diff(after.top20PctSharePct(), before.top20PctSharePct()),
                after.n80() == null || before.n80() == null ? null : after.n80() - before.n80(),
                after.revenueAtRisk().subtract(before.revenueAtRisk()),
                after.revenueWithUnknownRisk().subtract(before.revenueWithUnknownRisk()),
                after.concentration() != before.concentration(), List.copyOf(summary));
    }

    private static Map<String, AccountHealth> orEmpty(Map<String, AccountHealth> health) {
        return health == null ? Map.of() : health;
    }

    private static BigDecimal diff(BigDecimal after, BigDecimal before) {
        return after == null || before == null ? null : after.subtract(before);
    }

    /** Revenue, risk and events of one customer while aggregating. */
    private static final class Customer {
        final String id;
        final List<String> members = new ArrayList<>();
        final List<String> eventIds = new ArrayList<>();
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal knownRevenue = BigDecimal.ZERO;
        BigDecimal weightedHealth = BigDecimal.ZERO;
        BigDecimal atRisk = BigDecimal.ZERO;
        BigDecimal unknownRisk = BigDecimal.ZERO;

        Customer(String id) {
            this.id = id;
        }

        /** Revenue-weighted health of the known accounts; null when none is known. */
        BigDecimal health() {
            return knownRevenue.signum() > 0 ? weightedHealth.divide(knownRevenue, Decimals.MC) : null;
        }
    }

    private static DependencyRisk compute(Map<String, DependencyInput> byId, CustomerGroups groups, String leavingCustomer,
            Instant asOf, Map<String, AccountHealth> health, DependencyRules rules) {
        MonthWindow window = MonthWindow.trailing(asOf, TRAILING_MONTHS);
        String currency = Portfolio.revenueCurrencyOf(byId.values().stream().map(DependencyInput::revenueCurrency).toList());
        List<String> notes = new ArrayList<>(groups.notes);
        List<String> unknownAccounts = new ArrayList<>();
        Map<String, Customer> customers = new TreeMap<>();
        for (Map.Entry<String, String> entry : groups.groupOf.entrySet()) {
            String accountId = entry.getKey();
            if (entry.getValue().equals(leavingCustomer)) {
                continue;
            }
            DependencyInput facts = byId.get(accountId);
            Customer customer = customers.computeIfAbsent(entry.getValue(), Customer::new);
            customer.members.add(accountId);
            if (facts.revenueCurrency() != null && !facts.revenueCurrency().equals(currency)) {
                notes.add("Account " + accountId + " has revenue in " + facts.revenueCurrency() + ", not " + currency
                        + ": left out");
                continue;
            }
            BigDecimal revenue = facts.revenue();
            customer.revenue = customer.revenue.add(revenue);
            customer.eventIds.addAll(facts.revenueEventIds());
            if (revenue.signum() > 0) {
                AccountHealth h = health.get(accountId);
                if (h != null && h.knownAt(rules.minHealthCoveragePct())) {
                    BigDecimal score = BigDecimal.valueOf(Math.max(0, Math.min(100, h.score())));
                    customer.knownRevenue = customer.knownRevenue.add(revenue);
                    customer.weightedHealth = customer.weightedHealth.add(revenue.multiply(score));
                    customer.atRisk = customer.atRisk.add(revenue.multiply(Decimals.HUNDRED.subtract(score))
                            .divide(Decimals.HUNDRED, Decimals.MC));
                } else {
                    customer.unknownRisk = customer.unknownRisk.add(revenue);
                    unknownAccounts.add(accountId);
                }
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
        Set<String> rankedAccounts = new HashSet<>();
        ranked.forEach(c -> rankedAccounts.addAll(c.members));
        List<String> unknown = unknownAccounts.stream().filter(rankedAccounts::contains).sorted().toList();
        if (!unknown.isEmpty()) {
            notes.add(unknown.size() + " account(s) with revenue have no health score or one resting on less than "
                    + Decimals.plain(rules.minHealthCoveragePct()) + "% of the model's weight: their revenue is unknown "
                    + "risk, not counted as at risk (accountsWithUnknownRisk)");
        }
        return figures(asOf, window, currency, rules, ranked, excluded, unknown, notes);
    }

    private static DependencyRisk figures(Instant asOf, MonthWindow window, String currency, DependencyRules rules,
            List<Customer> ranked, List<ExcludedCustomer> excluded, List<String> unknownAccounts, List<String> notes) {
        int n = ranked.size();
        BigDecimal total = ranked.stream().map(c -> c.revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (n == 0) {
            return new DependencyRisk(asOf, window, rules.by(), currency, total, 0, List.of(), null, null, null, 0,
                    null, null, null, null, List.of(), BigDecimal.ZERO, null, BigDecimal.ZERO, null,
                    rules.minHealthCoveragePct(), List.of(), ConcentrationLevel.NO_REVENUE, false,
                    List.of("No customer has positive revenue in " + window + ": no concentration to measure"),
                    List.of(), excluded, List.copyOf(notes));
        }
        List<CustomerShare> shares = new ArrayList<>();
        List<ParetoPoint> pareto = new ArrayList<>();
        BigDecimal cumulative = BigDecimal.ZERO;
        BigDecimal sumOfSquares = BigDecimal.ZERO;
        BigDecimal atRisk = BigDecimal.ZERO;
        BigDecimal unknownRisk = BigDecimal.ZERO;
        Integer n80 = null;
        for (int i = 0; i < n; i++) {
            Customer c = ranked.get(i);
            cumulative = cumulative.add(c.revenue);
            sumOfSquares = sumOfSquares.add(c.revenue.multiply(c.revenue));
            atRisk = atRisk.add(c.atRisk);
            unknownRisk = unknownRisk.add(c.unknownRisk);
            if (n80 == null && cumulative.multiply(Decimals.HUNDRED).compareTo(PARETO_SHARE_PCT.multiply(total)) >= 0) {
                n80 = i + 1;
            }
            BigDecimal share = Decimals.two(Decimals.pct(c.revenue, total));
            BigDecimal cumulativeShare = Decimals.two(Decimals.pct(cumulative, total));
            boolean major = c.revenue.multiply(Decimals.HUNDRED).compareTo(MAJOR_SHARE_PCT.multiply(total)) >= 0;
            shares.add(new CustomerShare(i + 1, c.id, List.copyOf(c.members), c.revenue, share, cumulativeShare, major,
                    Decimals.two(c.health()), Decimals.two(c.atRisk), Decimals.two(c.unknownRisk),
                    List.copyOf(c.eventIds)));
            pareto.add(new ParetoPoint(i + 1, c.id, share, cumulativeShare));
        }
        BigDecimal hhiExact = TEN_THOUSAND.multiply(sumOfSquares).divide(total.multiply(total), Decimals.MC);
        BigDecimal nEff = total.multiply(total).divide(sumOfSquares, Decimals.MC);
        int top20Count = (n + 4) / 5;
        BigDecimal top20Revenue = top(ranked, top20Count);
        ConcentrationLevel level = hhiExact.compareTo(HHI_MODERATE) < 0 ? ConcentrationLevel.LOW
                : hhiExact.compareTo(HHI_HIGH) <= 0 ? ConcentrationLevel.MODERATE
                : hhiExact.compareTo(HHI_SEVERE) < 0 ? ConcentrationLevel.HIGH : ConcentrationLevel.SEVERE;
        List<CustomerShare> majors = shares.stream().filter(CustomerShare::major).toList();
        KamJustification verdict = KamJustification.of(n, hhiExact, majors.size(),
                Decimals.pct(top20Revenue, total), n80);

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
                + "% of revenue" + (Decimals.pct(top20Revenue, total).compareTo(KamJustification.TOP20_SHARE_PCT) >= 0
                        ? " (≥ 60%: the 80/20 pattern)" : " (< 60%)"));
        reasons.add("80% of revenue comes from " + n80 + " of " + n + " customers"
                + (5L * n80 <= n ? " (≤ 20% of them)" : " (more than 20% of them)"));
        reasons.add(majors.isEmpty() ? "No customer at ≥ 10% of revenue"
                : majors.size() + " customer(s) at ≥ 10% of revenue: " + majors.stream()
                        .map(m -> m.customerId() + " " + Decimals.plain(m.sharePct()) + "%")
                        .collect(Collectors.joining(", ")));
        reasons.addAll(verdict.reasons());

        return new DependencyRisk(asOf, window, rules.by(), currency, total, n, List.copyOf(shares),
                Decimals.two(Decimals.pct(top(ranked, 1), total)), Decimals.two(Decimals.pct(top(ranked, 5), total)),
                Decimals.two(Decimals.pct(top(ranked, 10), total)), top20Count, top20Share, n80, hhi,
                Decimals.two(nEff), majors.stream().map(CustomerShare::customerId).toList(), Decimals.two(atRisk),
                Decimals.two(Decimals.pct(atRisk, total)), Decimals.two(unknownRisk),
                Decimals.two(Decimals.pct(unknownRisk, total)), rules.minHealthCoveragePct(), unknownAccounts, level,
                verdict.justified(), List.copyOf(reasons), List.copyOf(pareto), excluded,
                notes.stream().filter(Objects::nonNull).distinct().toList());
    }

    private static BigDecimal top(List<Customer> ranked, int k) {
        return ranked.stream().limit(k).map(c -> c.revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
