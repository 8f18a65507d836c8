package io.kamplatform.reporting.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.kamplatform.reporting.store.SummaryStore.AccountVersion;
import io.kamplatform.reporting.store.SummaryStore.CurrentState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a portfolio report for now computes itself ({@code PortfolioReadModel.Refresh}): the accounts without a usable
 * summary always; the stale ones only when at most {@code sync-refresh-max} are, else it answers from them and counts
 * them as pending (under ingest the refresher computes them, and the report does not wait for folds).
 */
class RefreshPlanTest {

    static final Instant NOW = Instant.parse("2026-11-18T10:00:00Z");
    static final Instant WINDOW_START = PortfolioReadModel.windowStart(NOW);
    static final Instant TOO_OLD = NOW.minus(Duration.ofMinutes(15));

    static final List<CurrentState> STATES = List.of(
            new CurrentState("HOLDS", 5, 5L, NOW.minusSeconds(60)),
            new CurrentState("NEVER-COMPUTED", 1, null, null),
            new CurrentState("LAST-MONTH", 3, 3L, WINDOW_START.minusSeconds(1)),
            new CurrentState("NEW-FACT", 4, 3L, NOW.minusSeconds(60)),
            new CurrentState("TOO-OLD", 2, 2L, TOO_OLD.minusSeconds(1)));

    @Test
    void fewStaleAreComputedWithTheMissingOnes() {
        PortfolioReadModel.Refresh plan = PortfolioReadModel.Refresh.of(STATES, WINDOW_START, TOO_OLD, 2);
        assertThat(plan.toCompute()).extracting(AccountVersion::accountId)
                .containsExactly("NEVER-COMPUTED", "LAST-MONTH", "NEW-FACT", "TOO-OLD");
        assertThat(plan.pending()).isZero();
    }

    @Test
    void moreStaleThanTheMaximumAreAnsweredAsTheyAreAndCountedAsPending() {
        PortfolioReadModel.Refresh plan = PortfolioReadModel.Refresh.of(STATES, WINDOW_START, TOO_OLD, 1);
        assertThat(plan.toCompute()).extracting(AccountVersion::accountId)
                .as("a summary of another month window or none at all cannot answer").containsExactly("NEVER-COMPUTED", "LAST-MONTH");
        assertThat(plan.pending()).isEqualTo(2);
        assertThat(plan.computing()).containsExactlyInAnyOrder("NEVER-COMPUTED", "LAST-MONTH");
    }
}
