package io.kamplatform.reporting.domain.dependency;

import java.math.BigDecimal;
import java.util.List;

/**
 * One customer (a top parent and the accounts rolled up to it) ranked by trailing-12-month revenue: share and
 * cumulative share in percent, major when ≥ 10% (IFRS 8 / ASC 280), the health used for revenue at risk
 * (revenue-weighted mean of its accounts' scores) and the revenue events behind it.
 */
public record CustomerShare(int rank, String customerId, List<String> memberAccountIds, BigDecimal revenue,
        BigDecimal sharePct, BigDecimal cumulativeSharePct, boolean major, BigDecimal health,
        BigDecimal revenueAtRisk, List<String> eventIds) {
}
