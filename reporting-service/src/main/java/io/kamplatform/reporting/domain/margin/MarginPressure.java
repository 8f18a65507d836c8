package io.kamplatform.reporting.domain.margin;

import io.kamplatform.reporting.domain.facts.MonthWindow;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
        @Schema(description = "Sum of annual / sum of list values over current contracts, percent; above 100 for "
                + "prices above list (never clamped)")
        BigDecimal priceRealisationPct,
        @Schema(description = "100 - priceRealisationPct; negative = a premium over list")
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
        @Schema(description = "What serviceIntensityPerMillion is compared with: the portfolio median, or the "
                + "mean over accounts with revenue when the median is 0; null when no account had a "
                + "service event")
        BigDecimal serviceIntensityBaseline,
        @Schema(description = "MEDIAN or MEAN (the median was 0); null without a baseline")
        String serviceIntensityBaselineKind,
        BigDecimal revenueSharePriorPct,
        BigDecimal revenueShareRecentPct,
        boolean squeeze,
        @Schema(description = "The latest renewal or amendment lowered the price relative to list, leaving it "
                + "below list, and service intensity > 1.5 x the baseline")
        boolean statusAbuse,
        int score,
        List<PressureDriver> drivers,
        List<String> notes) {
}
