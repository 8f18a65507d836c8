package io.kamplatform.reporting.webhook;

import java.time.Duration;
import java.util.function.LongUnaryOperator;

/**
 * When a failed delivery is tried again: exponential back-off with full jitter. After failed attempt n (from 1) the
 * next waits a random time between 0 and {@code min(max, base × 2^(n-1))}, so receivers recovering from an outage are
 * not hit by every sender at once; after {@code maxAttempts} failed attempts the delivery is dead-lettered.
 */
public record RetrySchedule(Duration base, Duration max, int maxAttempts) {

    public RetrySchedule {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("kam.webhooks.retry needs 0 < base-delay <= max-delay, got " + base + " and " + max);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("kam.webhooks.retry.max-attempts must be at least 1, got " + maxAttempts);
        }
    }

    static RetrySchedule of(WebhookConfig.Retry retry) {
        return new RetrySchedule(retry.baseDelay(), retry.maxDelay(), retry.maxAttempts());
    }

    /** Dead-letter after this failed attempt (counted since the delivery was (re)queued)? */
    public boolean exhausted(int failedAttempts) {
        return failedAttempts >= maxAttempts;
    }

    /** The ceiling of the wait after failed attempt {@code n}: {@code min(max, base × 2^(n-1))}. */
    public Duration ceiling(int n) {
        long millis = base.toMillis();
        for (int i = 1; i < n && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }

    /** The wait after failed attempt {@code n}, drawn by {@code random} (bound → a value in [0, bound)). */
    public Duration delay(int n, LongUnaryOperator random) {
        long ceiling = ceiling(n).toMillis();
        return Duration.ofMillis(random.applyAsLong(ceiling + 1));
    }
}
