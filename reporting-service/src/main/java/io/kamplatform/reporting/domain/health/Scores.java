package io.kamplatform.reporting.domain.health;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/** Exact score arithmetic: decimals throughout, factor scores rounded half-up to one decimal at the end. */
final class Scores {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final MathContext MC = MathContext.DECIMAL64;

    private Scores() {
    }

    /** Maps {@code x} linearly: {@code zeroAt} → 0, {@code fullAt} → 100, clamped to 0..100 (either direction). */
    static BigDecimal linear(BigDecimal x, BigDecimal zeroAt, BigDecimal fullAt) {
        BigDecimal score = x.subtract(zeroAt).multiply(HUNDRED).divide(fullAt.subtract(zeroAt), MC);
        return clamp(score);
    }

    static BigDecimal clamp(BigDecimal score) {
        return score.max(BigDecimal.ZERO).min(HUNDRED);
    }

    static BigDecimal oneDecimal(BigDecimal value) {
        return value.setScale(1, RoundingMode.HALF_UP);
    }

    static BigDecimal mean(BigDecimal a, BigDecimal b) {
        return a.add(b).divide(BigDecimal.valueOf(2), MC);
    }

    static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        return numerator.divide(denominator, MC);
    }

    /** Fractional days from {@code from} to {@code to}, to the second. */
    static BigDecimal daysBetween(Instant from, Instant to) {
        return BigDecimal.valueOf(Duration.between(from, to).toSeconds()).divide(BigDecimal.valueOf(86_400), MC);
    }

    static boolean olderThanDays(Instant newest, Instant asOf, int days) {
        return newest == null || newest.isBefore(asOf.minus(Duration.ofDays(days)));
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
