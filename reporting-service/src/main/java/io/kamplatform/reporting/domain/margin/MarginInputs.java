package io.kamplatform.reporting.domain.margin;

import java.math.BigDecimal;
import java.util.List;

/**
 * One account's own margin figures at asOf, unrounded, before the portfolio medians, the service baseline and the
 * portfolio's revenue are known: what {@link MarginPressureCalculator#assessInputs} needs of each account, and what
 * the read models store per account and point in time. {@code revenuePrior} / {@code revenueRecent}: revenue of the
 * two quarters before the last two, and of the last two (of the 4 complete at asOf).
 */
public record MarginInputs(String accountId, String name, boolean keyAccount, String currency, List<String> notes,
        List<String> activeContractIds, BigDecimal realisation, List<DiscountChange> discountChanges, BigDecimal revenue,
        BigDecimal costOfSales, BigDecimal margin, List<QuarterMargin> quarters, BigDecimal slope,
        BigDecimal concessions, List<String> concessionEventIds, BigDecimal concessionsPct, int serviceEvents,
        BigDecimal intensity, BigDecimal revenuePrior, BigDecimal revenueRecent) {

    public MarginInputs withoutEvidence() {
        return new MarginInputs(accountId, name, keyAccount, currency, notes, activeContractIds, realisation,
                discountChanges, revenue, costOfSales, margin, quarters, slope, concessions, List.of(), concessionsPct,
                serviceEvents, intensity, revenuePrior, revenueRecent);
    }
}
