package io.kamplatform.reporting.projection;

import io.kamplatform.kit.messaging.BackOff;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * kam.projection.*: how long one attempt to store a record may take, how long a record waits between attempts while
 * the database is unavailable (there is no limit on the attempts), and how often the gap gauges are recomputed.
 */
@ConfigMapping(prefix = "kam.projection")
public interface ProjectionConfig {

    /**
     * An attempt without an answer by then counts as an infrastructure failure (a hung connection, a lock held
     * elsewhere): it is retried, and readiness shows the wait. Should the late attempt commit after all, the retry
     * finds the event stored: exactly once still.
     */
    @WithDefault("30s")
    Duration attemptTimeout();

    Retry retry();

    /** Recompute the missing-events gauges at least this often (other instances may change the gaps too). */
    @WithDefault("30s")
    Duration gapMetricsRefresh();

    /** Measure the lag per topic-partition this often ({@link ProjectionLag}). */
    @WithDefault("5s")
    Duration lagRefresh();

    interface Retry {
        @WithDefault("200ms")
        Duration initialBackOff();

        @WithDefault("30s")
        Duration maxBackOff();

        /** ± share of each wait drawn at random, 0–1. */
        @WithDefault("0.5")
        double jitter();

        default BackOff backOff() {
            return new BackOff(initialBackOff(), maxBackOff(), jitter());
        }
    }
}
