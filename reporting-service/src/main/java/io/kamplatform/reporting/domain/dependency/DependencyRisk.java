package io.kamplatform.reporting.domain.dependency;

import io.kamplatform.reporting.domain.facts.MonthWindow;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Dependency on few customers at {@code asOf}, on trailing-12-month revenue in {@code currency}, customers counted
 * {@code by} account or group. Percentages and indices are rounded half-up to 2 decimals; null figures mean no
 * customer has positive revenue. {@code top20PctCustomers} = ceil(0.2 × customers), the customers behind
 * {@code top20PctSharePct}. Revenue at risk is split: {@code revenueAtRisk} (and its percent of total revenue) over the
 * accounts whose health score rests on at least {@code minHealthCoveragePct} of the model's weight;
 * {@code revenueWithUnknownRisk} is the revenue of the others ({@code accountsWithUnknownRisk}: no score, or too little
 * data), not priced at any assumed score.
 */
public record DependencyRisk(
        Instant asOf,
        @Schema(description = "The 12 calendar months complete at asOf (UTC); incompleteMonth names asOf's month "
                + "when it is still in progress")
        MonthWindow window,
        @Schema(description = "Who counts as one customer: group (accounts rolled up to their top parent) or account")
        CustomerBasis by,
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
        @Schema(description = "Known risk: sum over accounts with a health score resting on at least "
                + "minHealthCoveragePct of the model weight of revenue x (100 - health) / 100")
        BigDecimal revenueAtRisk,
        @Schema(description = "revenueAtRisk as percent of totalRevenue")
        BigDecimal revenueAtRiskPct,
        @Schema(description = "Revenue of accounts without a health score or with one resting on less than "
                + "minHealthCoveragePct: risk unknown, not priced at an assumed score")
        BigDecimal revenueWithUnknownRisk,
        @Schema(description = "revenueWithUnknownRisk as percent of totalRevenue")
        BigDecimal revenueWithUnknownRiskPct,
        @Schema(description = "Health data coverage (percent of the model weight) from which a score prices "
                + "revenue at risk; kam.dependency.min-health-coverage-pct")
        BigDecimal minHealthCoveragePct,
        List<String> accountsWithUnknownRisk,
        ConcentrationLevel concentration,
        @Schema(description = "True when HHI >= 1500, or a customer makes >= 10% of revenue, or (10+ customers) "
                + "the top 20% make >= 60% or N80 <= 20% of customers")
        boolean kamJustified,
        List<String> reasons,
        List<ParetoPoint> pareto,
        List<ExcludedCustomer> excludedCustomers,
        List<String> notes) {

    /** These figures with other lists (a page of them): the figures themselves stay those of every customer. */
    public DependencyRisk withLists(List<CustomerShare> customerPage, List<ParetoPoint> paretoPage,
                                    List<String> unknownRiskAccounts, List<ExcludedCustomer> excluded) {
        return new DependencyRisk(asOf, window, by, currency, totalRevenue, customerCount, customerPage, top1SharePct,
                top5SharePct, top10SharePct, top20PctCustomers, top20PctSharePct, n80, hhi, effectiveCustomers,
                majorCustomerIds, revenueAtRisk, revenueAtRiskPct, revenueWithUnknownRisk, revenueWithUnknownRiskPct,
                minHealthCoveragePct, unknownRiskAccounts, concentration, kamJustified, reasons, paretoPage, excluded,
                notes);
    }
}
