package io.kamplatform.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kamplatform.reporting.application.CurrentStatesMirror;
import io.kamplatform.reporting.application.CurrentSummaryRefresher;
import io.kamplatform.reporting.projection.ProjectionConfig;
import io.kamplatform.reporting.projection.ProjectionLag;
import io.kamplatform.reporting.store.FactStore;
import io.kamplatform.reporting.support.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.inject.Vetoed;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * While the projection is catching up (more than {@code refresh-below-lag} records behind), the refresher leaves the
 * stale current summaries alone and counts the chunks it left ({@code kam_read_models_current_waited_total}); once the
 * projection is back, it computes them. The lag is set by hand (the projection's lag as measured is replaced); the
 * accounts, their facts and the summaries are real, in PostgreSQL. The refresher is idle here, the test drives it.
 */
@QuarkusTest
@TestProfile(FoldedHealthKeptTest.RefresherIdle.class)
class RefresherWaitsForCatchUpTest {

    static final String WAITED = "kam_read_models_current_waited_total";

    @Inject
    FactStore facts;
    @Inject
    CurrentStatesMirror mirror;
    @Inject
    CurrentSummaryRefresher refresher;
    @Inject
    ProjectionConfig projectionConfig;

    /** The projection's lag, as set by the test; not a bean of its own (the scope is inherited). */
    @Vetoed
    static final class SetLag extends ProjectionLag {
        volatile long records;

        SetLag(ProjectionConfig config) {
            super(Map.of(), "a", "i", "c", "g", config, new SimpleMeterRegistry(), Clock.systemUTC());
        }

        @Override
        public Snapshot current() {
            return new Snapshot(Instant.now(), records, null, List.of());
        }
    }

    @Test
    void staleSummariesWaitWhileTheProjectionCatchesUpAndAreComputedAfter() {
        SetLag lag = new SetLag(projectionConfig);
        QuarkusMock.installMockForType(lag, ProjectionLag.class);
        lag.records = 150_000; // a catch-up

        for (int i = 0; i < 3; i++) {
            CurrentHealthReportTest.account(facts, "CATCHUP-" + i, i == 0);
        }
        mirror.at(Instant.now()).await().atMost(Duration.ofSeconds(30));
        double behind = Metrics.sum(RefresherBacklogTest.BEHIND);
        double refreshed = Metrics.sum(RefresherBacklogTest.REFRESHED);
        double waited = Metrics.sum(WAITED);
        for (int i = 0; i < 3; i++) {
            refresher.refresh();
        }
        // nothing computed during the catch-up (a pass that ran would count its summaries within a second)
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                .until(() -> Metrics.sum(RefresherBacklogTest.REFRESHED) == refreshed);
        assertThat(Metrics.sum(WAITED)).as("each pass left its chunk for later").isEqualTo(waited + 3);

        lag.records = 12; // caught up: a few polls, as at live rates
        refresher.refresh();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Metrics.sum(RefresherBacklogTest.REFRESHED) >= refreshed + behind);
        assertThat(Metrics.sum(WAITED)).as("no more waiting").isEqualTo(waited + 3);
        mirror.at(Instant.now()).await().atMost(Duration.ofSeconds(30));
        assertThat(Metrics.sum(RefresherBacklogTest.BEHIND)).as("caught up").isZero();
    }
}
