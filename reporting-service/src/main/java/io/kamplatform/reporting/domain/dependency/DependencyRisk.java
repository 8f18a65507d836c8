package io.kamplatform.reporting.domain.dependency;

import io.kamplatform.reporting.domain.facts.MonthWindow;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Dependency on few customers at {@code asOf}, on trailing-12-month revenue in {@code currency}. Percentages and
 * indices are rounded half-up to 2 decimals; null figures mean no customer has positive revenue.
 * {@code top20PctCustomers} = ceil(0.2 × customers), the customers behind {@code top20PctSharePct}.
 */
public record DependencyRisk(
        Instant asOf,
        MonthWindow window,
        String currency,
        BigDecimal totalRevenue,
        int customerCount,
        List<CustomerShare> customers,
        BigDecimal top1SharePct,
        BigDecimal top5SharePct,
        BigDecimal top10SharePct,
        int top20PctCustomers,
        BigDecimal top20PctSharePct,
        Integer n80,
        BigDecimal hhi,
        BigDecimal effectiveCustomers,
        List<String> majorCustomerIds,
        BigDecimal revenueAtRisk,
        BigDecimal revenueAtRiskPct,
        ConcentrationLevel concentration,
        boolean kamJustified,
        List<String> reasons,
        List<ParetoPoint> pareto,
        List<ExcludedCustomer> excludedCustomers,
        List<String> notes) {
}
