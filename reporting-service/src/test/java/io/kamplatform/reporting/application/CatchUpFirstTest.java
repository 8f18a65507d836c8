package io.kamplatform.reporting.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.kamplatform.reporting.application.CatchUpFirst.Pace;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The refresher's rule for a catch-up: wait while the projection is far behind, a chunk an interval after a while. */
class CatchUpFirstTest {

    private static final long SECOND = 1_000_000_000L;

    private final CatchUpFirst rule = new CatchUpFirst(1_000, Duration.ofSeconds(30));

    @Test
    void atLiveRatesAndBeforeTheFirstMeasurementEverythingRuns() {
        assertThat(rule.pace(0, 0)).isEqualTo(Pace.ALL);
        assertThat(rule.pace(1_000, SECOND)).as("at the limit").isEqualTo(Pace.ALL);
        assertThat(rule.pace(-1, 2 * SECOND)).as("not measured yet").isEqualTo(Pace.ALL);
    }

    @Test
    void aCatchUpWaitsThenGetsOneChunkAnInterval() {
        assertThat(rule.pace(150_000, 10 * SECOND)).isEqualTo(Pace.WAIT);
        assertThat(rule.pace(90_000, 39 * SECOND)).isEqualTo(Pace.WAIT);
        assertThat(rule.pace(60_000, 40 * SECOND)).as("30 s into the catch-up").isEqualTo(Pace.ONE_CHUNK);
        assertThat(rule.pace(60_000, 41 * SECOND)).isEqualTo(Pace.ONE_CHUNK);
    }

    @Test
    void theWaitStartsAgainAfterTheProjectionCaughtUp() {
        assertThat(rule.pace(5_000, 0)).isEqualTo(Pace.WAIT);
        assertThat(rule.pace(10, 25 * SECOND)).as("caught up").isEqualTo(Pace.ALL);
        assertThat(rule.pace(5_000, 35 * SECOND)).as("a new catch-up waits its own 30 s").isEqualTo(Pace.WAIT);
        assertThat(rule.pace(5_000, 64 * SECOND)).isEqualTo(Pace.WAIT);
        assertThat(rule.pace(5_000, 65 * SECOND)).isEqualTo(Pace.ONE_CHUNK);
    }

    @Test
    void noLimitWaitsAtAnyLag() {
        CatchUpFirst never = new CatchUpFirst(Long.MAX_VALUE, Duration.ofSeconds(30));
        assertThat(never.pace(10_000_000, 0)).isEqualTo(Pace.ALL);
    }
}
