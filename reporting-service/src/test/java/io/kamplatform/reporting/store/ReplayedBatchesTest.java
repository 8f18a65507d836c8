package io.kamplatform.reporting.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.kamplatform.local.Database;
import io.kamplatform.local.TestInfra;
import io.kamplatform.reporting.support.AdversarialHistory;
import io.kamplatform.reporting.support.ReactivePool;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The set-based batch statement the projection and the rebuild store their polls with ({@link FactStore#projectSetBased},
 * V9, V12; polls of {@value FactStore#SET_BASED_FROM} records or more) against the per-element one
 * ({@link FactStore#projectElementByElement}, V3-V5) on the real database: the
 * same adversarial histories ({@link AdversarialHistory}: duplicates, reused, skipped, late and out-of-order versions, events without a stream id, streams
 * first seen above version 1, several sources) in the same random batches into two databases; every outcome and every
 * row of every table the projection writes must be the same. The histories are mostly new events in stream order, so
 * most elements take the set-based path (checked, so this cannot pass by never taking it).
 */
class ReplayedBatchesTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    /** Every table the projection writes, each row as text without the times of projection (now() differs). */
    static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("account_facts", "SELECT (to_jsonb(t) - 'projected_at')::text FROM account_facts t ORDER BY 1");
        // changed_in: the transaction that wrote the row (V11), another in each database by nature
        TABLES.put("accounts", "SELECT (to_jsonb(t) - 'changed_in')::text FROM accounts t ORDER BY 1");
        TABLES.put("projected_streams", "SELECT to_jsonb(t)::text FROM projected_streams t ORDER BY 1");
        TABLES.put("stream_gaps", "SELECT to_jsonb(t)::text FROM stream_gaps t ORDER BY 1");
        TABLES.put("stream_version_conflicts",
                "SELECT (to_jsonb(t) - 'detected_at')::text FROM stream_version_conflicts t ORDER BY 1");
        TABLES.put("account_summaries", "SELECT (to_jsonb(t) - 'computed_at')::text FROM account_summaries t ORDER BY 1");
    }

    @Test
    void adversarialHistoriesGiveTheSameRowsAsOneElementAtATime() throws Exception {
        long newElements = 0;
        long elements = 0;
        for (long seed = 1; seed <= 6; seed++) {
            List<List<IncomingFact>> batches = new AdversarialHistory(seed).batches(3000);
            long[] counts = compare("seed" + seed, batches);
            newElements += counts[0];
            elements += counts[1];
        }
        assertThat(newElements).as("elements the set-based path stored").isGreaterThan(elements / 2);
    }

    @Test
    void aCleanReplayInStreamOrderGivesTheSameRows() throws Exception {
        List<List<IncomingFact>> batches = new AdversarialHistory(99).clean().batches(3000);
        long[] counts = compare("clean", batches);
        assertThat(counts[0]).as("a clean replay is all set-based").isEqualTo(counts[1]);
    }

    /** Projects the batches both ways; {new elements, elements}. */
    static long[] compare(String name, List<List<IncomingFact>> batches) throws Exception {
        Database perElement = migrated("replayed_" + name + "_per_element");
        Database setBased = migrated("replayed_" + name + "_set_based");
        long newElements = 0;
        long elements = 0;
        Pool one = pool(perElement);
        Pool other = pool(setBased);
        try {
            FactStore reference = new FactStore(one);
            FactStore replayed = new FactStore(other);
            for (int i = 0; i < batches.size(); i++) {
                List<IncomingFact> batch = batches.get(i);
                newElements += newIn(other, batch);
                elements += batch.size();
                List<ProjectionResult> expected = reference.projectElementByElement(batch).await().atMost(WAIT);
                List<ProjectionResult> actual = replayed.projectSetBased(batch).await().atMost(WAIT);
                assertThat(actual).as(name + ": outcomes of batch " + i).isEqualTo(expected);
            }
        } finally {
            one.closeAndAwait();
            other.closeAndAwait();
        }
        for (Map.Entry<String, String> table : TABLES.entrySet()) {
            assertThat(rows(setBased, table.getValue())).as(name + ": " + table.getKey())
                    .isEqualTo(rows(perElement, table.getValue()));
        }
        assertThat(rows(perElement, TABLES.get("stream_gaps"))).as(name + ": the history has gaps").isNotEmpty();
        return new long[] {newElements, elements};
    }

    /** How many elements of the batch V9 stores set-based (judged before the batch, as it does). */
    static long newIn(Pool pool, List<IncomingFact> batch) {
        Object[] arrays = {batch.stream().map(IncomingFact::eventId).toArray(String[]::new),
                batch.stream().map(IncomingFact::source).toArray(String[]::new),
                batch.stream().map(f -> f.hasStreamPosition() ? f.streamId() : null).toArray(String[]::new),
                batch.stream().map(IncomingFact::streamVersion).toArray(Long[]::new)};
        Boolean[] flags = pool.preparedQuery("SELECT new_facts_in($1, $2, $3, $4) AS flags").execute(Tuple.from(arrays))
                .await().atMost(WAIT).iterator().next().getArrayOfBooleans("flags");
        long count = 0;
        for (Boolean flag : flags) {
            count += Boolean.TRUE.equals(flag) ? 1 : 0;
        }
        return count;
    }

    /** A fresh database at the latest migration, with past summaries the projected facts must delete or keep. */
    static Database migrated(String name) throws Exception {
        Database db = TestInfra.instance().database(name);
        Flyway.configure().dataSource(db.jdbcUrl(), db.username(), db.password()).locations("classpath:db/migration")
                .load().migrate();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO account_summaries (as_of, account_id, version, key_account, summary, evidence) "
                    + "SELECT timestamptz '2024-01-01' + m * interval '1 month', a, 0, false, '{}', '{}' "
                    + "FROM unnest(ARRAY" + AdversarialHistory.ACCOUNTS_SQL + ") a, generate_series(0, 23) m");
        }
        return db;
    }

    static Pool pool(Database db) {
        return ReactivePool.of(db, 1);
    }

    static List<String> rows(Database db, String query) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             Statement s = c.createStatement(); ResultSet rows = s.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
