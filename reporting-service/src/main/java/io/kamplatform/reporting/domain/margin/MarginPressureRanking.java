package io.kamplatform.reporting.domain.margin;

import io.kamplatform.reporting.domain.facts.MonthWindow;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The accounts passing {@code filter}, highest pressure first (ties by account id), with the portfolio medians, the
 * service-intensity baseline (MEDIAN, or MEAN when the median is 0), the 12-month window and the 4 quarters (complete at
 * asOf) the figures cover.
 */
public record MarginPressureRanking(Instant asOf, MonthWindow window, List<MonthWindow> quarters,
        MarginPressureFilter filter, BigDecimal medianGrossMarginPct, BigDecimal medianServiceIntensity,
        BigDecimal serviceIntensityBaseline, String serviceIntensityBaselineKind, List<MarginPressure> accounts) {

    public static MarginPressureRanking of(Instant asOf, List<MarginPressure> all, MarginPressureFilter filter) {
        MarginPressureFilter f = filter == null ? MarginPressureFilter.ALL : filter;
        List<MarginPressure> ranked = all.stream().filter(f::accepts)
                .sorted(Comparator.comparingInt(MarginPressure::score).reversed()
                        .thenComparing(MarginPressure::accountId))
                .toList();
        BigDecimal margin = all.isEmpty() ? null : all.get(0).portfolioMedianGrossMarginPct();
        BigDecimal intensity = all.isEmpty() ? null : all.get(0).portfolioMedianServiceIntensity();
        BigDecimal baseline = all.isEmpty() ? null : all.get(0).serviceIntensityBaseline();
        String baselineKind = all.isEmpty() ? null : all.get(0).serviceIntensityBaselineKind();
        return new MarginPressureRanking(asOf, MonthWindow.trailing(asOf, MarginPressureCalculator.WINDOW_MONTHS),
                MonthWindow.trailingQuarters(asOf, MarginPressureCalculator.QUARTERS), f, margin, intensity, baseline,
                baselineKind, ranked);
    }

    /** This ranking with another list of accounts (a page of it); medians and baseline stay the portfolio's. */
    public MarginPressureRanking withAccounts(List<MarginPressure> page) {
        return new MarginPressureRanking(asOf, window, quarters, filter, medianGrossMarginPct, medianServiceIntensity,
                serviceIntensityBaseline, serviceIntensityBaselineKind, page);
    }
}
