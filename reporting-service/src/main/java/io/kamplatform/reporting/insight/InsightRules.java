package io.kamplatform.reporting.insight;

import io.kamplatform.reporting.domain.dependency.CustomerShare;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The insights a change of conclusions yields: a pure function of the conclusions recorded before, the conclusions
 * now, and the events projected in between (the causes). The same inputs give the same insights with the same ids.
 * <ul>
 * <li>{@code HealthBandChanged} / {@code StageChanged}: the band / stage differs and both are known (a first band, or a
 * band gone because the account is no longer a key account, is not a change of band).</li>
 * <li>{@code MarginPressureFlagRaised} / {@code ...Cleared}: a flag (SQUEEZE, STATUS_ABUSE) appears / disappears.</li>
 * <li>{@code NeglectedPotentialDetected}: the account joins the neglected-potential list.</li>
 * <li>{@code PlanObjectiveOverdue}: more objectives of the current plan are overdue than before.</li>
 * <li>{@code MajorCustomerThresholdCrossed}: a customer (by account, and by group) reaches 10% of portfolio revenue
 * (UP) or falls below it (DOWN); keyed by the customer's id (the account, or the group's top parent).</li>
 * <li>{@code ConcentrationLevelChanged}: the portfolio's concentration level (HHI) changes, on either basis.</li>
 * </ul>
 * Causes: an account's insights name the events projected for it since its conclusions were recorded; portfolio
 * insights the revenue events (and account details, which move accounts between groups) projected since, of the
 * customer's member accounts when there are any, else of every account. At most {@value #MAX_CAUSES}, the latest.
 * Without any (time alone changed the conclusion: a contact went stale, a contract lapsed, an objective fell due, the
 * revenue window moved on), the insight carries the pass's day ({@code evaluatedOn}) and its id derives from that day.
 */
public final class InsightRules {

    static final int MAX_CAUSES = 20;
    static final Set<String> REVENUE_TYPES = Set.of("RevenueRecognized", "RevenueCorrected", "AccountDetailsChanged");
    public static final String MAJOR_THRESHOLD_PCT = "10";

    private InsightRules() {
    }

    /** An account's insights; {@code before} is {@link AccountConclusions#NOTHING} for an account first seen. */
    public static List<Insight> account(AccountAssessed now, AccountConclusions before, List<Cause> causes, String model,
                                        Instant at, LocalDate day) {
        AccountConclusions after = now.conclusions();
        List<String> ids = ids(causes);
        List<Insight> insights = new ArrayList<>();
        Emitter emit = new Emitter(now.accountId(), now.accountId(), now.managerId(), after.band(), at, ids, day, insights);
        if (before.band() != null && after.band() != null && !before.band().equals(after.band())) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("from", before.band());
            d.put("to", after.band());
            d.put("score", now.score());
            d.put("model", model);
            d.put("drivers", now.drivers() == null ? List.of() : now.drivers());
            emit.add(InsightType.HealthBandChanged, List.of(before.band(), after.band()), d);
        }
        if (before.stage() != null && after.stage() != null && !before.stage().equals(after.stage())) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("from", before.stage());
            d.put("to", after.stage());
            d.put("reasons", now.stageReasons() == null ? List.of() : now.stageReasons());
            emit.add(InsightType.StageChanged, List.of(before.stage(), after.stage()), d);
        }
        for (String flag : after.pressureFlags()) {
            if (!before.pressureFlags().contains(flag)) {
                emit.add(InsightType.MarginPressureFlagRaised, List.of(flag), pressure(flag, now));
            }
        }
        for (String flag : before.pressureFlags()) {
            if (!after.pressureFlags().contains(flag)) {
                emit.add(InsightType.MarginPressureFlagCleared, List.of(flag), pressure(flag, now));
            }
        }
        if (after.neglectedPotential() && !before.neglectedPotential()) {
            var n = now.neglected();
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("potential", n == null ? null : dec(n.potential()));
            d.put("revenue", n == null ? null : dec(n.revenue()));
            d.put("penetrationPct", n == null ? null : dec(n.penetrationPct()));
            d.put("lastInteractionAt", n == null || n.lastInteractionAt() == null ? null : n.lastInteractionAt().toString());
            emit.add(InsightType.NeglectedPotentialDetected, List.of(), d);
        }
        if (after.overdueObjectives() > before.overdueObjectives()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("planId", now.planId());
            d.put("overdueObjectives", after.overdueObjectives());
            d.put("previouslyOverdue", before.overdueObjectives());
            emit.add(InsightType.PlanObjectiveOverdue, List.of(String.valueOf(after.overdueObjectives())), d);
        }
        return insights;
    }

    /**
     * The portfolio's insights. {@code accounts}: every account as the pass sees it (for the manager and band of a
     * crossing customer); {@code causes}: the events projected per account since the last recorded conclusions.
     */
    public static List<Insight> portfolio(PortfolioAssessed now, PortfolioConclusions before,
                                          Map<String, AccountAssessed> accounts, Map<String, List<Cause>> causes,
                                          Instant at, LocalDate day) {
        List<Insight> insights = new ArrayList<>();
        crossings("account", before.majorAccounts(), now.conclusions().majorAccounts(), now.byAccount(), accounts, causes,
                at, day, insights);
        crossings("group", before.majorGroups(), now.conclusions().majorGroups(), now.byGroup(), accounts, causes, at, day,
                insights);
        List<String> all = revenueCauses(causes, null);
        Emitter emit = new Emitter(Insight.PORTFOLIO, null, null, null, at, all, day, insights);
        concentration(emit, "account", before.concentrationByAccount(), now.conclusions().concentrationByAccount(),
                now.hhiByAccount(), now.effectiveCustomersByAccount());
        concentration(emit, "group", before.concentrationByGroup(), now.conclusions().concentrationByGroup(),
                now.hhiByGroup(), now.effectiveCustomersByGroup());
        return insights;
    }

    private static void crossings(String by, List<String> before, List<String> after, Map<String, CustomerShare> shares,
                                  Map<String, AccountAssessed> accounts, Map<String, List<Cause>> causes, Instant at,
                                  LocalDate day, List<Insight> insights) {
        Set<String> changed = new TreeSet<>(after);
        changed.addAll(before);
        for (String customerId : changed) {
            boolean up = after.contains(customerId);
            if (up == before.contains(customerId)) {
                continue;
            }
            CustomerShare share = shares.get(customerId);
            List<String> members = share == null ? List.of(customerId) : share.memberAccountIds();
            List<String> ids = revenueCauses(causes, members);
            if (ids.isEmpty()) {
                ids = revenueCauses(causes, null);
            }
            AccountAssessed customer = accounts.get(customerId);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("direction", up ? "UP" : "DOWN");
            d.put("by", by);
            d.put("customerId", customerId);
            d.put("memberAccountIds", members);
            d.put("sharePct", share == null ? null : dec(share.sharePct()));
            d.put("thresholdPct", MAJOR_THRESHOLD_PCT);
            new Emitter(customerId, customerId, customer == null ? null : customer.managerId(),
                    customer == null ? null : customer.conclusions().band(), at, ids, day, insights)
                    .add(InsightType.MajorCustomerThresholdCrossed, List.of(by, up ? "UP" : "DOWN"), d);
        }
    }

    private static void concentration(Emitter emit, String by, String before, String after, java.math.BigDecimal hhi,
                                      java.math.BigDecimal effective) {
        if (before != null && after != null && !before.equals(after)) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("by", by);
            d.put("from", before);
            d.put("to", after);
            d.put("hhi", dec(hhi));
            d.put("effectiveCustomers", dec(effective));
            emit.add(InsightType.ConcentrationLevelChanged, List.of(by, before, after), d);
        }
    }

    private static Map<String, Object> pressure(String flag, AccountAssessed now) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("flag", flag);
        d.put("pressureScore", now.pressureScore());
        List<Map<String, Object>> drivers = new ArrayList<>();
        if (now.pressureDrivers() != null) {
            for (var driver : now.pressureDrivers()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", driver.name());
                m.put("points", dec(driver.points()));
                m.put("maxPoints", driver.maxPoints());
                m.put("explanation", driver.explanation());
                drivers.add(m);
            }
        }
        d.put("pressureDrivers", drivers);
        return d;
    }

    /** Decimals as exact strings (the platform never writes them as binary floating point). */
    static String dec(java.math.BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    /** The revenue causes of {@code members} (every account when null), accounts by id, the latest at most. */
    static List<String> revenueCauses(Map<String, List<Cause>> causes, List<String> members) {
        List<String> ids = new ArrayList<>();
        new TreeMap<>(causes).forEach((account, list) -> {
            if (members == null || members.contains(account)) {
                list.stream().filter(c -> REVENUE_TYPES.contains(c.eventType())).forEach(c -> ids.add(c.eventId()));
            }
        });
        return ids.size() > MAX_CAUSES ? ids.subList(ids.size() - MAX_CAUSES, ids.size()) : ids;
    }

    static List<String> ids(List<Cause> causes) {
        List<String> ids = causes.stream().map(Cause::eventId).toList();
        return ids.size() > MAX_CAUSES ? ids.subList(ids.size() - MAX_CAUSES, ids.size()) : ids;
    }

    /** Builds the insights of one key with its shared fields. */
    private record Emitter(String key, String accountId, String managerId, String band, Instant at, List<String> causes,
                           LocalDate day, List<Insight> out) {

        void add(InsightType type, List<String> change, Map<String, Object> details) {
            out.add(new Insight(Insight.idOf(type, key, change, causes, day), type, key, accountId, managerId, band, at,
                    causes, causes.isEmpty() ? day : null, details));
        }
    }
}
