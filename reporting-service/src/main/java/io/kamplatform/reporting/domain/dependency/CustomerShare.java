package io.kamplatform.reporting.domain.dependency;

import java.math.BigDecimal;
import java.util.List;

/**
 * One customer (an account, or a top parent and the accounts rolled up to it) ranked by trailing-12-month revenue:
 * share and cumulative share in percent, major when ≥ 10% (IFRS 8 / ASC 280), the health used for revenue at risk
 * (revenue-weighted mean of the scores of its accounts whose health is known; null when none is), the revenue at known
 * risk, the revenue of accounts whose health rests on too little data (unknown risk) and the revenue events behind it.
 */
public record CustomerShare(int rank, String customerId, List<String> memberAccountIds, BigDecimal revenue,
        BigDecimal sharePct, BigDecimal cumulativeSharePct, boolean major, BigDecimal health,
        BigDecimal revenueAtRisk, BigDecimal revenueWithUnknownRisk, List<String> eventIds) {
}
