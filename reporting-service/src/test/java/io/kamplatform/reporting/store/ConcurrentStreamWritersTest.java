package io.kamplatform.reporting.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.kamplatform.local.Database;
import io.kamplatform.local.TestInfra;
import io.kamplatform.reporting.support.ReactivePool;
import io.vertx.mutiny.sqlclient.Pool;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Two writers storing events of the same stream at once, on the real database: the live projection's set-based batch
 * ({@link FactStore#projectSetBased}, V12; polls of {@value FactStore#SET_BASED_FROM} records or more) while another
 * transaction ({@code project_fact}: a dead letter replayed, or the previous owner of a partition finishing its poll)
 * stores the version just below the batch's. The batch must see that version once the other commits: no gap recorded
 * for a stored version, nothing missing. Without the batch's stream locks (V9 as it was) it judged the stream's highest
 * version before the other committed and recorded version 5 as missing while it was stored.
 */
class ConcurrentStreamWritersTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String SOURCE = "/kam-platform/account-service";
    static final String STREAM = "account-C1";
    static final OffsetDateTime AT = OffsetDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void aBatchWaitsForAnotherWriterOfItsStreamAndJudgesAfterIt() throws Exception {
        Database db = TestInfra.instance().database("concurrent_stream_writers");
        Flyway.configure().dataSource(db.jdbcUrl(), db.username(), db.password()).locations("classpath:db/migration")
                .load().migrate();
        Pool pool = ReactivePool.of(db, 2);
        try (Connection other = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
            FactStore store = new FactStore(pool);
            store.projectBatch(List.of(fact(1), fact(2), fact(3), fact(4))).await().atMost(WAIT);

            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                s.execute("SELECT * FROM project_fact('e5', 'C1', 'InteractionRecorded', '" + SOURCE + "', "
                        + "'kam.account.events', 0, 5, '" + STREAM + "', 5, '" + AT + "', NULL, '{}'::jsonb)");
            }
            CompletableFuture<List<ProjectionResult>> batch = store.projectSetBased(List.of(fact(6), fact(7)))
                    .subscribeAsCompletionStage().toCompletableFuture();
            awaitWaitingOnALock(db);
            other.commit();

            assertThat(batch.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .as("both stored, neither opened a gap")
                    .containsExactly(ProjectionResult.projected(false), ProjectionResult.projected(false));
        } finally {
            pool.closeAndAwait();
        }
        assertThat(query(db, "SELECT count(*) FROM account_facts")).isEqualTo("7");
        assertThat(query(db, "SELECT count(*) FROM stream_gaps")).as("gaps recorded").isEqualTo("0");
        assertThat(query(db, "SELECT highest_version || '/' || missing_events FROM projected_streams"))
                .as("highest version / missing").isEqualTo("7/0");
    }

    static IncomingFact fact(long version) {
        return new IncomingFact("e" + version, "C1", "InteractionRecorded", SOURCE, "kam.account.events", 0, version,
                STREAM, version, AT.plusMinutes(version), null, "{}");
    }

    /** Until the batch's transaction waits for the other one's lock (the stream row, or, before V12, later on). */
    static void awaitWaitingOnALock(Database db) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!query(db, "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                    + "AND query LIKE '%project_facts_bulk%'").equals("0")) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the batch never waited for the other writer");
    }

    static String query(Database db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
