package io.kamplatform.reporting.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Exact report arithmetic shared by the portfolio reports: sums and products stay exact, each division runs at
 * DECIMAL64 (16 significant digits) and figures are rounded half-up only when presented.
 */
public final class Decimals {

    public static final MathContext MC = MathContext.DECIMAL64;
    public static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Decimals() {
    }

    /** {@code part / whole × 100}, unrounded; null when whole is not positive. */
    public static BigDecimal pct(BigDecimal part, BigDecimal whole) {
        return whole.signum() <= 0 ? null : part.multiply(HUNDRED).divide(whole, MC);
    }

    /** Two decimals, half-up; null stays null. */
    public static BigDecimal two(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }

    public static BigDecimal clamp01(BigDecimal value) {
        return value.max(BigDecimal.ZERO).min(BigDecimal.ONE);
    }

    /** Median: the middle value, or the mean of the two middle ones; null for no values. */
    public static BigDecimal median(Collection<BigDecimal> values) {
        List<BigDecimal> sorted = new ArrayList<>(values);
        if (sorted.isEmpty()) {
            return null;
        }
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), MC);
    }

    /** Plain text without trailing zeros, for explanations. */
    public static String plain(BigDecimal value) {
        return value == null ? "n/a" : value.stripTrailingZeros().toPlainString();
    }
}
