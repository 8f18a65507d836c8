package io.kamplatform.kit.messaging;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Capped exponential back-off with jitter: attempt n (from 1) waits {@code initial × 2^(n-1)}, at most {@code max},
 * spread by ± {@code jitter} (0–1) so that many waiting consumers do not hit a recovering database at once, and never
 * longer than {@code max}.
 */
public record BackOff(Duration initial, Duration max, double jitter) {

    public BackOff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("back-off needs 0 < initial <= max, got " + initial + " and " + max);
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter must lie between 0 and 1, got " + jitter);
        }
    }

    /** The wait before retry {@code attempt} (1 = the first retry), without jitter. */
    public Duration nominal(long attempt) {
        long doublings = Math.max(0, Math.min(attempt - 1, 62));
        long maxMillis = max.toMillis();
        long millis = initial.toMillis();
        for (long i = 0; i < doublings && millis < maxMillis; i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, maxMillis));
    }

    /** The wait before retry {@code attempt}, with jitter applied. */
    public Duration delay(long attempt) {
        long nominal = nominal(attempt).toMillis();
        long spread = Math.round(nominal * jitter);
        long jittered = nominal + (spread == 0 ? 0 : ThreadLocalRandom.current().nextLong(-spread, spread + 1));
        return Duration.ofMillis(Math.max(1, Math.min(jittered, max.toMillis())));
    }
}
