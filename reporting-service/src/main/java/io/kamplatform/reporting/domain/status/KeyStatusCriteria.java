package io.kamplatform.reporting.domain.status;

import java.util.Set;

/**
 * Who should hold key-account status (kam.key-status.*): status earned by today's revenue, by sales potential, or by
 * strategic fit (a strategic sector with high potential). Each "top p%" is by nearest rank among the accounts with a
 * positive value in the most common currency: the value at rank ceil(p/100 × n), largest first, is the threshold.
 *
 * @param revenueTopPct            trailing-12-month revenue in the top this percent qualifies
 * @param potentialTopPct          assessed annual potential in the top this percent qualifies
 * @param strategicSectors         sectors of strategic fit (as the CRM names them; empty: no such criterion)
 * @param strategicPotentialTopPct an account of a strategic sector qualifies with potential in the top this percent
 */
public record KeyStatusCriteria(int revenueTopPct, int potentialTopPct, Set<String> strategicSectors,
                                int strategicPotentialTopPct) {

    public KeyStatusCriteria {
        for (int pct : new int[] {revenueTopPct, potentialTopPct, strategicPotentialTopPct}) {
            if (pct < 1 || pct > 100) {
                throw new IllegalArgumentException("key-status percentages must be 1-100");
            }
        }
        strategicSectors = Set.copyOf(strategicSectors);
    }
}
