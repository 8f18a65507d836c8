package io.kamplatform.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kamplatform.reporting.application.CurrentStatesMirror;
import io.kamplatform.reporting.application.CurrentSummaryRefresher;
import io.kamplatform.reporting.store.FactStore;
import io.kamplatform.reporting.support.Metrics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The refresher says how far behind it is ({@code kam_read_models_current_behind}, the accounts whose current summary
 * it has to compute again as of its last look) and how many summaries it computed
 * ({@code kam_read_models_current_refreshed_total}): after a burst ops see the backlog and watch it drain. The
 * refresher is idle here (first run an hour away), so the test drives it.
 */
@QuarkusTest
@TestProfile(FoldedHealthKeptTest.RefresherIdle.class)
class RefresherBacklogTest {

    static final String BEHIND = "kam_read_models_current_behind";
    static final String REFRESHED = "kam_read_models_current_refreshed_total";

    @Inject
    FactStore facts;
    @Inject
    CurrentStatesMirror mirror;
    @Inject
    CurrentSummaryRefresher refresher;

    @Test
    void theRefresherSaysHowFarBehindItIsAndCountsWhatItComputes() {
        for (int i = 0; i < 3; i++) {
            CurrentHealthReportTest.account(facts, "BEHIND-" + i, i == 0);
        }
        mirror.at(Instant.now()).await().atMost(Duration.ofSeconds(30)); // the look a refresher pass takes first
        double behind = Metrics.sum(BEHIND);
        assertThat(behind).as("three new accounts without a current summary, at least").isGreaterThanOrEqualTo(3);

        double refreshed = Metrics.sum(REFRESHED);
        refresher.refresh();
        await().atMost(Duration.ofSeconds(60)).until(() -> Metrics.sum(REFRESHED) >= refreshed + behind);
        assertThat(Metrics.sum(REFRESHED)).as("each account behind computed once").isEqualTo(refreshed + behind);

        mirror.at(Instant.now()).await().atMost(Duration.ofSeconds(30)); // the next pass's look
        assertThat(Metrics.sum(BEHIND)).as("caught up").isZero();
    }
}
