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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * {@link SummaryStore#histories} reads through a cursor, {@value SummaryStore#HISTORY_ROWS_PER_READ} rows at a time: on
 * the real database, histories spanning several reads (an account's history cut between two, an account of exactly one
 * read, an account of one fact) come back whole and once each, by account in the order asked, each in the history order
 * one query gives; so do the facts known at an instant.
 */
class HistoriesReadInPartsTest {

    @Test
    void historiesSpanningSeveralReadsComeBackWholeAndInOrder() throws Exception {
        Database db = TestInfra.instance().database("histories_in_parts");
        Flyway.configure().dataSource(db.jdbcUrl(), db.username(), db.password()).locations("classpath:db/migration")
                .load().migrate();
        int perRead = SummaryStore.HISTORY_ROWS_PER_READ;
        // A: 2.5 reads' worth, B: one fact, C: exactly one read, D: not asked for; times interleaved across accounts,
        // about one in twenty after asOf, two thirds recorded 400 or 800 days late
        execute(db, "INSERT INTO account_facts (event_id, account_id, event_type, source, topic, kafka_partition, "
                + "kafka_offset, occurred_at, recorded_at, data) "
                + "SELECT 'e-' || a || '-' || i, a, 'RevenueRecognized', '/test', 't', 0, i, "
                + "timestamptz '2022-01-01' + ((i * 7919) % 1000) * interval '1 day', "
                + "timestamptz '2022-01-01' + ((i * 7919) % 1000) * interval '1 day' + (i % 3) * interval '400 days', "
                + "jsonb_build_object('n', i) FROM (VALUES ('ACC-A', " + (perRead * 5 / 2) + "), ('ACC-B', 1), ('ACC-C', "
                + perRead + "), ('ACC-D', 50)) AS v(a, n), generate_series(1, n) i");
        Instant asOf = Instant.parse("2024-08-01T00:00:00Z");
        Instant knownAt = Instant.parse("2024-01-01T00:00:00Z");
        // A asked twice: its facts still come once, in order
        List<String> asked = List.of("ACC-C", "ACC-A", "ACC-B", "ACC-A");
        Pool pool = ReactivePool.of(db, 1);
        try {
            SummaryStore store = new SummaryStore(pool);
            for (Instant known : new Instant[] {null, knownAt}) {
                Map<String, List<String>> expected = expected(db, asOf, known);
                Map<String, List<StoredFact>> histories = store.histories(asked, asOf, known).await()
                        .atMost(ReplayedBatchesTest.WAIT);
                Map<String, List<String>> actual = new LinkedHashMap<>();
                histories.forEach((account, facts) -> actual.put(account, facts.stream().map(StoredFact::eventId).toList()));
                assertThat(actual).as("known at %s", known).isEqualTo(expected);
                // in the order asked; B's one fact was recorded 400 days after it happened: not known at knownAt
                assertThat(List.copyOf(actual.keySet())).as("by account, in the order asked")
                        .isEqualTo(known == null ? List.of("ACC-C", "ACC-A", "ACC-B") : List.of("ACC-C", "ACC-A"));
                assertThat(actual.values().stream().mapToInt(List::size).sum()).as("more than one read")
                        .isGreaterThan(perRead);
            }
            assertThat(expected(db, asOf, null).get("ACC-A")).hasSizeGreaterThan(2 * perRead);
        } finally {
            pool.closeAndAwait();
        }
    }

    /** What one query gives, by account. */
    private static Map<String, List<String>> expected(Database db, Instant asOf, Instant knownAt) throws Exception {
        Map<String, List<String>> byAccount = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT account_id, event_id FROM account_facts "
                     + "WHERE account_id IN ('ACC-A', 'ACC-B', 'ACC-C') AND occurred_at <= '" + asOf + "' "
                     + (knownAt == null ? "" : "AND " + FactStore.KNOWN_AT + " <= '" + knownAt + "' ")
                     + "ORDER BY account_id, " + FactStore.HISTORY_ORDER)) {
            while (rows.next()) {
                byAccount.computeIfAbsent(rows.getString(1), a -> new ArrayList<>()).add(rows.getString(2));
            }
        }
        return byAccount;
    }

    private static void execute(Database db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
