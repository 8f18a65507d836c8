package io.kamplatform.reporting.domain.margin;

import io.kamplatform.reporting.domain.facts.MonthWindow;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Margin pressure of one account at {@code asOf}; percentages and points rounded half-up to 2 decimals, null where the
 * figure has no data (see {@code notes}). Money figures are in {@code currency}, over {@code window} (12 months).
 * Revenue shares are the account's share of portfolio revenue in the two quarters before the last two
 * ({@code revenueSharePriorPct}) and in the last two ({@code revenueShareRecentPct}). {@code priceRealisationPct} may
 * exceed 100 (prices above list); {@code averageDiscountPct} = 100 − realisation is then negative (a premium).
 * {@code serviceIntensityBaseline} is what intensity is compared with: the median ({@code MEDIAN}), or the mean when
 * the median is 0 ({@code MEAN}); null when no account in the portfolio had a service event in the window.
 */
public record MarginPressure(
        String accountId,
        String name,
        boolean keyAccount,
        Instant asOf,
        MonthWindow window,
        String currency,
        BigDecimal priceRealisationPct,
        BigDecimal averageDiscountPct,
        List<String> activeContractIds,
        List<DiscountChange> discountChanges,
        BigDecimal revenue,
        BigDecimal costOfSales,
        BigDecimal grossMarginPct,
        BigDecimal portfolioMedianGrossMarginPct,
        List<QuarterMargin> quarters,
        BigDecimal marginSlopePpPerQuarter,
        BigDecimal concessions,
        BigDecimal concessionsPct,
        List<String> concessionEventIds,
        int serviceEvents,
        BigDecimal serviceIntensityPerMillion,
        BigDecimal portfolioMedianServiceIntensity,
        BigDecimal serviceIntensityBaseline,
        String serviceIntensityBaselineKind,
        BigDecimal revenueSharePriorPct,
        BigDecimal revenueShareRecentPct,
        boolean squeeze,
        boolean statusAbuse,
        int score,
        List<PressureDriver> drivers,
        List<String> notes) {
}
