package io.kamplatform.reporting.domain.health;

import io.kamplatform.reporting.domain.facts.AccountFacts;
import io.kamplatform.reporting.domain.facts.Dates;
import io.kamplatform.reporting.domain.facts.MonthlyRevenue;
import io.kamplatform.reporting.domain.facts.SalesPotential;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Commercial momentum = mean of the sub-scores that have data. Months are whole calendar months (UTC) complete at
 * asOf (a month in progress is left out; asOf on a month's last day includes it): T3 = the last 3, P3 = the 3
 * before, T12 = the last 12.
 * Momentum (when any revenue was ever recorded): r = T3 / P3, r ≥ 1.1 → 100, r ≤ 0.7 → 0, linear between; P3 ≤ 0
 * gives 100 when T3 > 0 (growth from nothing) and 0 when T3 ≤ 0 (no revenue for 6 months).
 * Penetration (when a positive potential is assessed in the revenue currency): p = T12 / annual potential,
 * p ≥ 50% → 100, linear from 0. No revenue and no positive potential = no data.
 */
final class CommercialFactor {

    static final BigDecimal MOMENTUM_ZERO_AT = new BigDecimal("0.7");
    static final BigDecimal MOMENTUM_FULL_AT = new BigDecimal("1.1");
    static final BigDecimal PENETRATION_FULL_AT = new BigDecimal("0.5");

    private CommercialFactor() {
    }

    static Assessed assess(AccountFacts facts, Instant asOf, HealthModel model) {
        HealthFactor factor = HealthFactor.COMMERCIAL_MOMENTUM;
        boolean hasRevenue = !facts.revenueByMonth().isEmpty();
        String currency = hasRevenue ? facts.revenueByMonth().values().iterator().next().revenue().currency() : null;
        SalesPotential potential = facts.salesPotential();
        boolean potentialUsable = potential != null && potential.annualPotential().amount().signum() > 0
                && (currency == null || currency.equals(potential.annualPotential().currency()));
        if (!hasRevenue && !potentialUsable) {
            return Assessed.noData(factor, model, "No revenue and no positive sales potential recorded.");
        }
        YearMonth last = Dates.lastCompleteMonth(asOf);
        BigDecimal t3 = facts.revenueOf(last.minusMonths(2), last);
        BigDecimal p3 = facts.revenueOf(last.minusMonths(5), last.minusMonths(3));
        BigDecimal t12 = facts.revenueOf(last.minusMonths(11), last);

        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("lastCompleteMonth", last.toString());
        List<BigDecimal> subScores = new ArrayList<>();
        String momentumDriver = null;
        BigDecimal momentum = null;
        if (hasRevenue) {
            BigDecimal ratio = null;
            if (p3.signum() <= 0) {
                momentum = t3.signum() > 0 ? Scores.HUNDRED : BigDecimal.ZERO;
                if (momentum.signum() == 0) {
                    momentumDriver = "No revenue in the last 6 months";
                }
            } else {
                ratio = Scores.ratio(t3, p3);
                momentum = Scores.linear(ratio, MOMENTUM_ZERO_AT, MOMENTUM_FULL_AT);
                BigDecimal changePct = ratio.subtract(BigDecimal.ONE).multiply(Scores.HUNDRED)
                        .setScale(0, RoundingMode.HALF_UP);
                // a change that rounds to 0% is flat, never "up 0%"
                momentumDriver = "Revenue last 3 months " + (changePct.signum() == 0 ? "flat"
                        : (changePct.signum() < 0 ? "down " : "up ") + changePct.abs().toPlainString() + "%")
                        + " on the 3 before";
            }
            inputs.put("revenueTrailing3Months", t3.toPlainString());
            inputs.put("revenuePrevious3Months", p3.toPlainString());
            inputs.put("momentumRatio", ratio == null ? "n/a" : ratio.setScale(4, RoundingMode.HALF_UP));
            inputs.put("momentumScore", Scores.oneDecimal(momentum));
            subScores.add(momentum);
        }
        String penetrationDriver = null;
        BigDecimal penetrationScore = null;
        if (potentialUsable) {
            BigDecimal penetration = Scores.ratio(t12, potential.annualPotential().amount());
            penetrationScore = Scores.linear(penetration, BigDecimal.ZERO, PENETRATION_FULL_AT);
            BigDecimal pct = penetration.multiply(Scores.HUNDRED).setScale(1, RoundingMode.HALF_UP);
            inputs.put("revenueTrailing12Months", t12.toPlainString());
            inputs.put("annualPotential", potential.annualPotential().amount().toPlainString());
            inputs.put("penetrationPct", pct);
            inputs.put("penetrationScore", Scores.oneDecimal(penetrationScore));
            penetrationDriver = "Trailing-12-month revenue is " + Scores.plain(pct) + "% of the annual potential";
            subScores.add(penetrationScore);
        } else if (potential != null) {
            inputs.put("annualPotential", potential.annualPotential().amount().toPlainString() + " "
                    + potential.annualPotential().currency() + " (not usable: zero or another currency)");
        }
        BigDecimal score = Scores.oneDecimal(subScores.size() == 1 ? subScores.get(0)
                : Scores.mean(subScores.get(0), subScores.get(1)));

        List<String> eventIds = new ArrayList<>(facts.revenueEventIds(last.minusMonths(11), last));
        if (potential != null) {
            eventIds.add(potential.eventId());
        }
        Instant newest = Stream.concat(facts.revenueByMonth().values().stream().map(MonthlyRevenue::lastRecordedAt),
                        Stream.of(potential == null ? null : potential.assessedAt()))
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        boolean stale = Scores.olderThanDays(newest, asOf, model.staleAfterDays());

        String explanation = (momentum == null ? "No revenue recorded" : momentumDriver == null
                ? "Revenue of the last 3 complete months against the 3 before: momentum " + Scores.oneDecimal(momentum)
                : momentumDriver + " (momentum " + Scores.oneDecimal(momentum) + ")")
                + (penetrationScore == null ? "; penetration unknown (no usable potential)."
                        : "; " + penetrationDriver + " (penetration " + Scores.oneDecimal(penetrationScore) + ").");
        String driver = null;
        boolean momentumWeaker = momentum != null
                && (penetrationScore == null || momentum.compareTo(penetrationScore) <= 0);
        if (momentumWeaker && momentum.compareTo(Scores.HUNDRED) < 0) {
            driver = momentumDriver;
        } else if (penetrationScore != null && penetrationScore.compareTo(Scores.HUNDRED) < 0) {
            driver = penetrationDriver;
        }
        return new Assessed(new FactorScore(factor.label(), score, model.weight(factor),
                Collections.unmodifiableMap(inputs), List.copyOf(eventIds), stale, explanation), driver);
    }
}
