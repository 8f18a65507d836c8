package io.kamplatform.reporting.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Which statement stores a poll ({@link FactStore#projectBatch}): the live projection's polls of a few records go element
 * by element, where the set-based function's fixed cost made a single record 2.4 times as expensive in PostgreSQL
 * (pgbench, 2.18 against 0.92 ms); a catch-up's polls of hundreds go set-based. Both give the same rows and
 * outcomes ({@code ReplayedBatchesTest}); this pins the boundary the measurement chose.
 */
class SmallPollsTest {

    @Test
    void pollsBelowTheBoundaryGoElementByElementAndTheRestSetBased() {
        assertThat(FactStore.setBased(1)).as("a single record").isFalse();
        assertThat(FactStore.setBased(FactStore.SET_BASED_FROM - 1)).as("just below the boundary").isFalse();
        assertThat(FactStore.setBased(FactStore.SET_BASED_FROM)).as("at the boundary").isTrue();
        assertThat(FactStore.setBased(500)).as("a full poll (max.poll.records)").isTrue();
    }
}
