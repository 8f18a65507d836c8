package io.kamplatform.reporting.domain.dependency;

import io.kamplatform.reporting.domain.Decimals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * "Is KAM justified?" from concentration, with rules that hold for any number of customers n. KAM is justified when
 * few customers make a large share of revenue, i.e. when any of:
 * <ul>
 *   <li>HHI ≥ 1500 (at least moderately concentrated: revenue behaves as if from at most 6.67 equal customers);</li>
 *   <li>a major customer makes ≥ 10% of revenue (the IFRS 8 / ASC 280 threshold: losing it is material);</li>
 *   <li>n ≥ 10 and the 80/20 pattern: the top 20% of customers make ≥ 60% of revenue, or N80 ≤ 20% of n.</li>
 * </ul>
 * The 80/20 checks need n ≥ 10: below that "the top 20%" is one customer and N80 / n moves in steps of 20% or more, so
 * five customers at 40/30/10/10/10 (HHI 2800) would read as "spread". With n ≤ 10 some customer always has ≥ 10%, so
 * a portfolio of a few customers is always KAM-justified; "spread across customers" needs n > 10, HHI < 1500, no major
 * customer and no 80/20 pattern.
 */
record KamJustification(boolean justified, List<String> reasons) {

    static final int PARETO_MIN_CUSTOMERS = 10;
    static final BigDecimal HHI_MODERATE = BigDecimal.valueOf(1500);
    static final BigDecimal TOP20_SHARE_PCT = BigDecimal.valueOf(60);

    /**
     * @param n             customers with positive revenue
     * @param hhi           exact HHI (0–10,000)
     * @param majors        customers at ≥ 10%
     * @param top20SharePct exact share of the ceil(0.2 n) largest
     * @param n80           fewest customers making 80%
     */
    static KamJustification of(int n, BigDecimal hhi, int majors, BigDecimal top20SharePct, int n80) {
        boolean concentrated = hhi.compareTo(HHI_MODERATE) >= 0;
        boolean major = majors > 0;
        boolean paretoApplies = n >= PARETO_MIN_CUSTOMERS;
        boolean top20 = paretoApplies && top20SharePct.compareTo(TOP20_SHARE_PCT) >= 0;
        boolean fewMake80 = paretoApplies && 5L * n80 <= n;

        List<String> reasons = new ArrayList<>();
        if (!paretoApplies) {
            reasons.add("With fewer than " + PARETO_MIN_CUSTOMERS + " customers the 80/20 checks are coarse (the top 20% is "
                    + ((n + 4) / 5) + " customer" + (n > 5 ? "s" : "") + "): concentration (HHI) and major customers decide");
        }
        List<String> holding = new ArrayList<>();
        if (concentrated) {
            holding.add("HHI " + Decimals.plain(Decimals.two(hhi)) + " ≥ 1500 (a handful of customers carry the revenue)");
        }
        if (major) {
            holding.add(majors + " customer" + (majors == 1 ? "" : "s") + " at ≥ 10% of revenue");
        }
        if (top20) {
            holding.add("the top 20% of customers make ≥ 60% of revenue");
        }
        if (fewMake80) {
            holding.add("80% of revenue comes from ≤ 20% of customers");
        }
        boolean justified = !holding.isEmpty();
        reasons.add(justified ? "KAM is justified: " + String.join("; ", holding)
                : "KAM is not justified by concentration: revenue is spread across customers (HHI < 1500, no customer "
                        + "at ≥ 10%, top 20% below 60% and N80 above 20% of customers)");
        return new KamJustification(justified, List.copyOf(reasons));
    }
}
