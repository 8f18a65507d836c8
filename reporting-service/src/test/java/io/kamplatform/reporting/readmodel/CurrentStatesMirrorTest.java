package io.kamplatform.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kamplatform.reporting.application.CurrentStatesMirror;
import io.kamplatform.reporting.application.CurrentStatesMirror.RecentStates;
import io.kamplatform.reporting.store.FactStore;
import io.kamplatform.reporting.store.SummaryStore;
import io.kamplatform.reporting.store.SummaryStore.CurrentState;
import io.kamplatform.reporting.support.Fixtures;
import io.kamplatform.reporting.support.Jdbc;
import io.kamplatform.reporting.support.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The portfolio reports' in-memory account states ({@link CurrentStatesMirror}) read only the rows changed since their
 * last read and still miss nothing: not a transaction that took its id before another and committed after it (the way
 * a "highest change seen" cursor loses rows), and a writer that gets past the change marks is found by the periodic
 * full read, counted and repaired.
 */
@QuarkusTest
class CurrentStatesMirrorTest {

    static final String SOURCE = "/kam-platform/states-mirror-test";
    static final String DRIFT = "kam_read_models_current_states_drift_total";

    @Inject
    CurrentStatesMirror mirror;
    @Inject
    SummaryStore store;
    @Inject
    FactStore facts;

    @Test
    void aTransactionThatCommitsAfterALaterOneIsNotMissed() throws Exception {
        String early = account("MIRROR-EARLY");
        String late = account("MIRROR-LATE");
        long earlyVersion = stateOf(early).accountVersion();
        long lateVersion = stateOf(late).accountVersion();

        try (Connection conn = Jdbc.connection()) {
            conn.setAutoCommit(false);
            // The early writer takes its transaction id and holds its change uncommitted ...
            bumpVersion(conn, early);
            // ... while a later one (a projected fact, a higher id) commits and is read.
            project(late, "SalesPotentialAssessed", Fixtures.potential("900"));
            assertThat(stateOf(late).accountVersion()).as("the later commit is read").isEqualTo(lateVersion + 1);
            assertThat(stateOf(early).accountVersion()).as("nothing uncommitted is read").isEqualTo(earlyVersion);
            conn.commit();
        }
        assertThat(stateOf(early).accountVersion()).as("the early transaction, committed after the later one was read")
                .isEqualTo(earlyVersion + 1);
        assertMirrorsTheDatabase(List.of(early, late));
    }

    @Test
    void aWriterPastTheChangeMarksIsCountedAndRepairedByTheFullRead() throws Exception {
        String account = account("MIRROR-UNMARKED");
        // Once its summary is stored nothing writes the account's rows again (the refresher sees no stale summary:
        // it selects from the mirror). A summary written after the bump would carry the bumped version into the next
        // change read, as the join of the two rows it is.
        await().atMost(Duration.ofSeconds(60)).until(() -> stored(account));
        mirror.readAllNext(); // a full read now, so the periodic one is minutes away
        long version = stateOf(account).accountVersion();
        double driftBefore = Metrics.sum(DRIFT);

        try (Connection conn = Jdbc.connection(); Statement sql = conn.createStatement()) {
            conn.setAutoCommit(false);
            sql.execute("ALTER TABLE accounts DISABLE TRIGGER accounts_mark_changed");
            bumpVersion(conn, account); // changed_in keeps the row's old mark
            sql.execute("ALTER TABLE accounts ENABLE TRIGGER accounts_mark_changed");
            conn.commit();
        }
        assertThat(stateOf(account).accountVersion()).as("a read of the changed rows cannot see an unmarked change")
                .isEqualTo(version);

        mirror.readAllNext();
        assertThat(stateOf(account).accountVersion()).as("the full read repairs the mirror").isEqualTo(version + 1);
        assertThat(Metrics.sum(DRIFT)).as("and counts the difference").isGreaterThanOrEqualTo(driftBefore + 1);
        assertMirrorsTheDatabase(List.of(account));
    }

    @Test
    void theRefresherSelectsFromTheMirrorWhatTheQuerySelects() throws Exception {
        String account = account("MIRROR-STALE");
        await().atMost(Duration.ofSeconds(60)).until(() -> stored(account));
        try (Connection conn = Jdbc.connection(); Statement sql = conn.createStatement()) {
            sql.execute("UPDATE current_summaries SET health = NULL, trend = NULL WHERE account_id = '" + account + "'");
        }
        // Every selection: stale by age (all of them, oldest first), by version or without a health report (a few).
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            Instant now = Instant.now();
            for (Instant tooOld : List.of(now, now.minus(Duration.ofMinutes(15)))) {
                for (boolean healthReports : List.of(true, false)) {
                    assertThat(mirror.stale(Instant.EPOCH, tooOld, 100_000, healthReports).await().indefinitely())
                            .as("too old before %s, health reports %s", tooOld, healthReports)
                            .isEqualTo(store.staleCurrent(tooOld, Instant.EPOCH, 100_000, healthReports).await()
                                    .indefinitely());
                }
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> stored(account)); // the refresher computed it again
    }

    @Test
    void aPortfolioReportTakesTheStatesReadWithinItsBoundAndWaitsForANewReadPastIt() {
        AtomicLong nanos = new AtomicLong();
        CurrentStatesMirror bounded = new CurrentStatesMirror(store, Duration.ofMinutes(5), Duration.ofSeconds(1),
                new SimpleMeterRegistry(), Clock.systemUTC(), nanos::get);
        String account = account("MIRROR-RECENT");
        Instant asked = Instant.now();
        RecentStates first = recent(bounded);
        long version = versionOf(first, account);
        assertThat(first.readAt()).as("read after it was asked").isBetween(asked, Instant.now());

        project(account, "SalesPotentialAssessed", Fixtures.potential("900")); // committed: version + 1
        nanos.addAndGet(Duration.ofMillis(400).toNanos());
        String[] thread = new String[1];
        RecentStates within = bounded.recent(Instant.now()).invoke(() -> thread[0] = Thread.currentThread().getName())
                .await().atMost(Duration.ofSeconds(10));
        assertThat(versionOf(within, account)).as("400 ms later: the read before the write").isEqualTo(version);
        assertThat(within.readAt()).isEqualTo(first.readAt());
        assertThat(thread[0]).as("taken at once, still delivered on a worker (a report's loop over every account "
                + "follows)").startsWith("executor-thread");

        nanos.addAndGet(Duration.ofMillis(700).toNanos()); // the first read is 1.1 s old
        RecentStates past = recent(bounded);
        assertThat(versionOf(past, account)).as("past the bound: a new read").isEqualTo(version + 1);
        assertThat(past.readAt()).isAfter(first.readAt());

        project(account, "SalesPotentialAssessed", Fixtures.potential("950"));
        bounded.tablesSwitched(); // a rebuild's switch: the next report waits for a read
        assertThat(versionOf(recent(bounded), account)).as("after a switch nothing read before is taken")
                .isEqualTo(version + 2);
    }

    private static RecentStates recent(CurrentStatesMirror bounded) {
        return bounded.recent(Instant.now()).await().atMost(Duration.ofSeconds(10));
    }

    private static long versionOf(RecentStates states, String account) {
        return states.states().stream().filter(s -> s.accountId().equals(account)).findFirst()
                .orElseThrow(() -> new AssertionError(account + " not in the states")).accountVersion();
    }

    private boolean stored(String account) {
        return mirror.stale(Instant.EPOCH, Instant.EPOCH, 100_000, true).await().atMost(Duration.ofSeconds(10)).stream()
                .noneMatch(a -> a.accountId().equals(account));
    }

    /** The mirror's states of {@code accounts} equal a full read's (once the refresher settled). */
    private void assertMirrorsTheDatabase(List<String> accounts) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Instant now = Instant.now();
            Map<String, CurrentState> mirrored = byId(mirror.at(now).await().atMost(Duration.ofSeconds(10)), accounts);
            Map<String, CurrentState> read = byId(store.currentStates(now).await().atMost(Duration.ofSeconds(10)), accounts);
            assertThat(mirrored).hasSize(accounts.size()).isEqualTo(read);
        });
    }

    private static Map<String, CurrentState> byId(List<CurrentState> states, List<String> accounts) {
        return states.stream().filter(s -> accounts.contains(s.accountId()))
                .collect(Collectors.toMap(CurrentState::accountId, Function.identity()));
    }

    private CurrentState stateOf(String account) {
        return mirror.at(Instant.now()).await().atMost(Duration.ofSeconds(10)).stream()
                .filter(s -> s.accountId().equals(account)).findFirst()
                .orElseThrow(() -> new AssertionError(account + " not in the mirror"));
    }

    private String account(String prefix) {
        String id = prefix + "-" + UUID.randomUUID();
        project(id, "AccountRegistered", Fixtures.registered("Mirror " + prefix));
        return id;
    }

    private void project(String account, String type, String data) {
        facts.projectBatch(List.of(Fixtures.direct(SOURCE, account, type, Instant.now().minusSeconds(3600), data)))
                .await().atMost(Duration.ofSeconds(30));
    }

    private static void bumpVersion(Connection conn, String account) throws Exception {
        try (PreparedStatement update = conn.prepareStatement(
                "UPDATE accounts SET version = version + 1 WHERE account_id = ?")) {
            update.setString(1, account);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
