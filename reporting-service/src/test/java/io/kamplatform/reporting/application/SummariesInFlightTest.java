package io.kamplatform.reporting.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.kamplatform.reporting.store.SummaryStore.AccountVersion;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Each stale current summary, and each summary at a new past point, is computed once however many callers claim it at the same time. */
class SummariesInFlightTest {

    private static final Instant WINDOW = Instant.parse("2026-11-30T23:59:59.999999Z");
    private static final Instant POINT = Instant.parse("2025-06-15T10:00:00.123456Z");
    private static final Instant NEXT_WINDOW = Instant.parse("2026-12-31T23:59:59.999999Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SummariesInFlight inFlight = new SummariesInFlight(registry);

    @Test
    void aSecondCallerWaitsForTheFirstOnesComputationAndGetsItsSummary() {
        SummariesInFlight.Claim first = inFlight.claimCurrent(List.of(v("A", 3), v("B", 1)), WINDOW);
        SummariesInFlight.Claim second = inFlight.claimCurrent(List.of(v("A", 3), v("C", 2)), WINDOW);

        assertThat(first.toCompute()).extracting(AccountVersion::accountId).containsExactly("A", "B");
        assertThat(second.toCompute()).extracting(AccountVersion::accountId).containsExactly("C");
        assertThat(second.joined()).containsOnlyKeys("A");
        assertThat(registry.counter("kam.read-models.current.shared").count()).isEqualTo(1);

        AccountSummary a = summary("A");
        first.done(a);
        assertThat(second.joined().get("A")).isCompletedWithValue(a);
        first.done(summary("B"));
        second.done(summary("C"));
        assertThat(inFlight.running()).as("nothing left in flight").isZero();
        assertThat(inFlight.claimCurrent(List.of(v("A", 3)), WINDOW).toCompute()).as("computed again when asked again").hasSize(1);
    }

    @Test
    void aComputationServesOnlyItsOwnOrAnOlderVersionInTheSameMonthWindow() {
        SummariesInFlight.Claim older = inFlight.claimCurrent(List.of(v("A", 3)), WINDOW);
        assertThat(inFlight.claimCurrent(List.of(v("A", 2)), WINDOW).joined()).as("an older version is served").containsOnlyKeys("A");
        SummariesInFlight.Claim newer = inFlight.claimCurrent(List.of(v("A", 4)), WINDOW);
        assertThat(newer.toCompute()).as("a newer version is computed again").hasSize(1);
        assertThat(inFlight.claimCurrent(List.of(v("A", 4)), NEXT_WINDOW).toCompute()).as("another month window too").hasSize(1);

        older.done(summary("A")); // must not take the newer computation out of flight
        assertThat(inFlight.claimCurrent(List.of(v("A", 4)), NEXT_WINDOW).joined()).containsOnlyKeys("A");
    }

    @Test
    void whenTheComputingCallerGivesUpTheWaitersAreToldAndNothingStaysInFlight() {
        SummariesInFlight.Claim first = inFlight.claimCurrent(List.of(v("A", 1), v("B", 1)), WINDOW);
        SummariesInFlight.Claim second = inFlight.claimCurrent(List.of(v("A", 1), v("B", 1)), WINDOW);
        first.done(summary("A"));
        first.abandon(new IllegalStateException("database gone"));

        assertThat(second.joined().get("A")).isCompleted().isNotCompletedExceptionally();
        CompletableFuture<AccountSummary> b = second.joined().get("B");
        assertThat(b).isCompletedExceptionally();
        assertThat(inFlight.running()).isZero();
        assertThat(inFlight.claimCurrent(List.of(v("B", 1)), WINDOW).toCompute()).hasSize(1);
    }

    @Test
    void aSummaryAtAPointIsComputedOnceAndCountedApart() {
        SummariesInFlight.Claim first = inFlight.claimPoint(List.of(v("A", 3), v("B", 1)), POINT);
        SummariesInFlight.Claim second = inFlight.claimPoint(List.of(v("A", 3), v("B", 2)), POINT);

        assertThat(first.toCompute()).extracting(AccountVersion::accountId).containsExactly("A", "B");
        assertThat(second.joined()).as("the same version is served, a newer one computed again").containsOnlyKeys("A");
        assertThat(second.toCompute()).extracting(AccountVersion::accountId).containsExactly("B");
        assertThat(registry.counter("kam.read-models.point.shared").count()).isEqualTo(1);
        assertThat(registry.counter("kam.read-models.current.shared").count()).isZero();

        AccountSummary a = summary("A");
        first.done(a);
        assertThat(second.joined().get("A")).isCompletedWithValue(a);
        first.done(summary("B"));
        second.done(summary("B"));
        assertThat(inFlight.running()).isZero();
    }

    @Test
    void aPointIsNotServedByAnotherPointNorByACurrentSummary() {
        inFlight.claimPoint(List.of(v("A", 1)), POINT);
        assertThat(inFlight.claimPoint(List.of(v("A", 1)), POINT.plusMillis(1)).toCompute())
                .as("another point").hasSize(1);
        assertThat(inFlight.claimCurrent(List.of(v("A", 1)), POINT).toCompute())
                .as("a current summary whose window starts at that instant").hasSize(1);
        assertThat(inFlight.claimPoint(List.of(v("A", 1)), POINT).joined()).as("the same point").containsOnlyKeys("A");
    }

    @Test
    void aRebuildsOwnComputesEverythingItself() {
        SummariesInFlight alone = SummariesInFlight.none();
        alone.claimCurrent(List.of(v("A", 1)), WINDOW);
        assertThat(alone.claimCurrent(List.of(v("A", 1)), WINDOW).toCompute()).hasSize(1);
        assertThat(alone.running()).isZero();
    }

    private static AccountVersion v(String accountId, long version) {
        return new AccountVersion(accountId, version);
    }

    private static AccountSummary summary(String accountId) {
        return new AccountSummary(accountId, Instant.parse("2026-11-15T10:00:00Z"), false, null, null, null, null, null,
                "Retail", null);
    }
}
