package io.kamplatform.local;

import java.time.Duration;

/**
 * Delays between restarts of a process that keeps failing: 1 s, 2 s, 4 s, ... up to 30 s, so a crash loop neither
 * burns the CPU nor floods the console. A process that stayed up for a while starts again from the first delay.
 */
final class Backoff {

    static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1));

    private final Duration first;
    private final Duration max;
    private final Duration resetAfter;
    private Duration next;

    Backoff(Duration first, Duration max, Duration resetAfter) {
        this.first = first;
        this.max = max;
        this.resetAfter = resetAfter;
        this.next = first;
    }

    /** A fresh sequence with the same settings (each supervised process has its own). */
    Backoff copy() {
        return new Backoff(first, max, resetAfter);
    }

    /** The process ran for {@code uptime} before it died: long enough means its failures are not a loop. */
    synchronized void ranFor(Duration uptime) {
        if (uptime.compareTo(resetAfter) >= 0) {
            next = first;
        }
    }

    synchronized void reset() {
        next = first;
    }

    /** The delay before the next attempt; each call doubles the following one. */
    synchronized Duration next() {
        Duration delay = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return delay;
    }
}
