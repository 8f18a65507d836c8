package io.kamplatform.reporting.store;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Cursor;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The portfolio read models (migration V5): per account, its summary at a past point in time ({@code account_summaries})
 * and its current summary ({@code current_summaries}), each stored with the account's version it was computed from.
 * Summaries are opaque documents here (JSON text written and read by the application). Query results are mapped on a
 * worker thread: the SQL client completes them on its connection's event loop, and turning thousands of rows into objects
 * there (10,000 account states, a chunk's 29,000 facts) would hold up every request that loop serves.
 */
@ApplicationScoped
public class SummaryStore {

    /** An account with a fact by some time, and its version (facts projected for it so far). */
    public record AccountVersion(String accountId, long version) {
    }

    /**
     * A stored summary; {@code evidence} null when not read. A current summary also carries the account's health report
     * for now, {@code health} and {@code trend} as the report writes them (null for points, and when not read).
     */
    public record Stored(String accountId, Instant asOf, long version, boolean keyAccount, String summary,
                         String evidence, String health, String trend) {

        public Stored(String accountId, Instant asOf, long version, boolean keyAccount, String summary, String evidence) {
            this(accountId, asOf, version, keyAccount, summary, evidence, null, null);
        }
    }

    /**
     * One account's version now and its current summary's version, instant and stored health report (all four null
     * when it has none yet): what {@code CurrentHealthReports} needs to tell whether the stored report still holds.
     */
    public record CurrentHealth(long accountVersion, Long summaryVersion, Instant summaryAsOf, String health,
                                String trend) {
    }

    /**
     * An account's version now and its stored current summary's version and computed-at instant (both null when it
     * has none yet).
     */
    public record CurrentState(String accountId, long accountVersion, Long summaryVersion, Instant summaryAsOf) {
    }

    private final Pool pool;

    public SummaryStore(Pool pool) {
        this.pool = pool;
    }

    /** The accounts with a fact that happened by {@code asOf}, by id, with their versions. */
    public Uni<List<AccountVersion>> accountsAsOf(Instant asOf) {
        return pool.preparedQuery("SELECT account_id, version FROM accounts WHERE first_occurred_at <= $1 ORDER BY account_id")
                .execute(Tuple.of(utc(asOf)))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(rows -> {
                    List<AccountVersion> list = new ArrayList<>(rows.rowCount());
                    rows.forEach(r -> list.add(new AccountVersion(r.getString("account_id"), r.getLong("version"))));
                    return list;
                });
    }

    /**
     * What identifies a summary kept at a point: the account version it was computed from and when it was stored. The
     * version alone does not: a summary deleted and computed again (the read-model audit's repair, a rebuild) has the same.
     */
    public record PointRow(long version, Instant computedAt) {
    }

    /** What identifies each summary kept at the point {@code asOf} (and marks the point as read now). */
    public Uni<Map<String, PointRow>> pointVersions(Instant asOf) {
        return pool.preparedQuery("SELECT account_id, version, computed_at FROM account_summaries WHERE as_of = $1")
                .execute(Tuple.of(utc(asOf)))
                .call(() -> pool.preparedQuery("INSERT INTO summary_points (as_of) VALUES ($1) ON CONFLICT (as_of) "
                        + "DO UPDATE SET last_read_at = now()").execute(Tuple.of(utc(asOf))))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(rows -> {
                    Map<String, PointRow> versions = new java.util.HashMap<>(rows.rowCount() * 2);
                    rows.forEach(r -> versions.put(r.getString("account_id"),
                            new PointRow(r.getLong("version"), r.getOffsetDateTime("computed_at").toInstant())));
                    return versions;
                });
    }

    /** The summaries kept at the point {@code asOf} for {@code accountIds}. */
    public Uni<List<Stored>> pointOf(Instant asOf, List<String> accountIds, boolean evidence) {
        if (accountIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery("SELECT account_id, as_of, version, key_account, summary, "
                        + (evidence ? "evidence" : "NULL::text AS evidence")
                        + " FROM account_summaries WHERE as_of = $1 AND account_id = ANY($2)")
                .execute(Tuple.of(utc(asOf), accountIds.toArray(String[]::new)))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(SummaryStore::stored);
    }

    /**
     * The accounts with a fact by {@code asOf} that have no summary kept at that point (never computed, or deleted by
     * a late event), by id, at most {@code limit}.
     */
    public Uni<List<AccountVersion>> missingAt(Instant asOf, int limit) {
        return pool.preparedQuery("SELECT a.account_id, a.version FROM accounts a WHERE a.first_occurred_at <= $1 "
                        + "AND NOT EXISTS (SELECT 1 FROM account_summaries s WHERE s.as_of = $1 AND s.account_id = a.account_id) "
                        + "ORDER BY a.account_id LIMIT $2")
                .execute(Tuple.of(utc(asOf), limit))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(rows -> {
                    List<AccountVersion> list = new ArrayList<>(rows.rowCount());
                    rows.forEach(r -> list.add(new AccountVersion(r.getString("account_id"), r.getLong("version"))));
                    return list;
                });
    }

    /**
     * Stores summaries of one point, each only if its account's version is still the one it was computed from: the
     * accounts rows are read FOR SHARE, in account order, so a concurrent projection of a fact for them either
     * committed before (the version differs: not stored, computed again when asked) or waits and then deletes what
     * this stored if the fact makes it wrong. An account a projection holds right now is skipped (SKIP LOCKED), as if
     * its version had moved, which it is about to: a store never waits for a projection. Waiting deadlocked: a
     * projection's batch can lock accounts out of order (a set-based run, then an element between runs), and a store
     * holding one of them while waiting for another closed the cycle (ReadModelOracleTest, 2026-12-04). Then keeps at
     * most {@code keepPoints} points besides the {@code pinned} ones (the least recently read go). The summaries it
     * stored, by account, with the instant they were stored at.
     */
    public Uni<Map<String, Instant>> storePoint(Instant asOf, List<Stored> summaries, int keepPoints, List<Instant> pinned) {
        if (summaries.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Columns c = Columns.of(summaries);
        return pool.withTransaction(conn -> conn.preparedQuery("WITH s AS (SELECT * FROM unnest($2::text[], $3::bigint[], "
                                + "$4::boolean[], $5::text[], $6::text[]) AS s(account_id, version, key_account, summary, evidence)), "
                                + "locked AS (SELECT a.account_id, a.version FROM accounts a JOIN s ON s.account_id = a.account_id "
                                + "ORDER BY a.account_id FOR SHARE OF a SKIP LOCKED) "
                                + "INSERT INTO account_summaries (as_of, account_id, version, key_account, summary, evidence) "
                                + "SELECT $1, s.account_id, s.version, s.key_account, s.summary, s.evidence FROM s "
                                + "JOIN locked l ON l.account_id = s.account_id AND l.version = s.version "
                                + "ON CONFLICT (as_of, account_id) DO NOTHING RETURNING account_id, computed_at")
                        .execute(Tuple.of(utc(asOf), c.ids, c.versions, c.keys, c.docs, c.evidence)))
                .map(rows -> {
                    Map<String, Instant> stored = new java.util.HashMap<>(rows.rowCount() * 2);
                    rows.forEach(r -> stored.put(r.getString("account_id"), r.getOffsetDateTime("computed_at").toInstant()));
                    return stored;
                })
                .call(() -> pool.preparedQuery("INSERT INTO summary_points (as_of) VALUES ($1) ON CONFLICT (as_of) DO NOTHING")
                        .execute(Tuple.of(utc(asOf))))
                .call(() -> pool.preparedQuery("WITH old AS (SELECT as_of FROM summary_points WHERE as_of <> ALL($2) "
                                + "ORDER BY last_read_at DESC OFFSET $1), gone AS (DELETE FROM summary_points p USING old "
                                + "WHERE p.as_of = old.as_of) DELETE FROM account_summaries s USING old WHERE s.as_of = old.as_of")
                        .execute(Tuple.of(keepPoints, pinned.stream().map(SummaryStore::utc).toArray(OffsetDateTime[]::new))));
    }

    /**
     * Every account with a fact by {@code asOf}, its version now and what identifies its stored current summary (the
     * version and instant it was computed at; null without one): small rows, no summary documents.
     */
    public Uni<List<CurrentState>> currentStates(Instant asOf) {
        return pool.preparedQuery("SELECT a.account_id, a.version AS account_version, c.version, c.as_of FROM accounts a "
                        + "LEFT JOIN current_summaries c ON c.account_id = a.account_id WHERE a.first_occurred_at <= $1 "
                        + "ORDER BY a.account_id")
                .execute(Tuple.of(utc(asOf)))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(rows -> {
                    List<CurrentState> list = new ArrayList<>(rows.rowCount());
                    for (Row r : rows) {
                        OffsetDateTime at = r.getOffsetDateTime("as_of");
                        list.add(new CurrentState(r.getString("account_id"), r.getLong("account_version"),
                                r.getLong("version"), at == null ? null : at.toInstant()));
                    }
                    return list;
                });
    }

    /**
     * An account's current state as a read with change marks returns it: when its first fact happened, whether its
     * current summary carries the health report for now (V10), and the latest transaction that wrote its accounts or
     * current_summaries row ({@code changedIn}, V11).
     */
    public record MarkedState(CurrentState state, Instant firstOccurredAt, boolean healthStored, long changedIn) {
    }

    /**
     * The states one read returned: {@code mark}, the xmin of the snapshot it ran in (every row written by a
     * transaction it did not see has {@code changed_in >= mark}); {@code tables}, the accounts table's oid, which a
     * read-model rebuild's switch changes.
     */
    public record MarkedStates(long mark, long tables, List<MarkedState> states) {
    }

    private static final String MARKED_STATES = "SELECT m.mark, m.tables, a.account_id, a.first_occurred_at, "
            + "a.version AS account_version, c.version, c.as_of, c.health IS NOT NULL AS health_stored, GREATEST(a.changed_in, c.changed_in)::text AS changed_in "
            + "FROM (SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS mark, "
            + "to_regclass('accounts')::oid::bigint AS tables) m LEFT JOIN (";

    /** Every account's current state, with the marks to read only what changes from here on. */
    public Uni<MarkedStates> markedStates() {
        return pool.preparedQuery(MARKED_STATES + "accounts a LEFT JOIN current_summaries c ON c.account_id = a.account_id"
                        + ") ON true")
                .execute()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(SummaryStore::markedStates);
    }

    /**
     * The current states of the accounts whose accounts or current_summaries row a transaction with an id at least
     * {@code since} wrote: what changed since the read that returned the mark {@code since} (and possibly a few rows
     * it already saw). The accounts table is small and scanned; current_summaries is read by its changed_in index.
     */
    public Uni<MarkedStates> statesChangedSince(long since) {
        return pool.preparedQuery(MARKED_STATES + "(SELECT account_id FROM accounts WHERE changed_in >= $1::text::xid8 "
                        + "UNION SELECT account_id FROM current_summaries WHERE changed_in >= $1::text::xid8) changed "
                        + "JOIN accounts a ON a.account_id = changed.account_id "
                        + "LEFT JOIN current_summaries c ON c.account_id = a.account_id) ON true")
                .execute(Tuple.of(Long.toString(since)))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(SummaryStore::markedStates);
    }

    private static MarkedStates markedStates(RowSet<Row> rows) {
        long mark = 0;
        long tables = 0;
        List<MarkedState> states = new ArrayList<>(rows.rowCount());
        for (Row r : rows) {
            mark = Long.parseLong(r.getString("mark"));
            tables = r.getLong("tables");
            String accountId = r.getString("account_id");
            if (accountId != null) { // the one row of a read that found nothing changed carries only the marks
                OffsetDateTime at = r.getOffsetDateTime("as_of");
                states.add(new MarkedState(new CurrentState(accountId, r.getLong("account_version"), r.getLong("version"),
                        at == null ? null : at.toInstant()), r.getOffsetDateTime("first_occurred_at").toInstant(),
                        r.getBoolean("health_stored"), Long.parseLong(r.getString("changed_in"))));
            }
        }
        return new MarkedStates(mark, tables, states);
    }

    /** The stored current summaries of {@code accountIds} (those that have one). */
    public Uni<List<Stored>> currentOf(List<String> accountIds, boolean evidence) {
        if (accountIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery("SELECT account_id, as_of, version, key_account, summary, "
                        + (evidence ? "evidence" : "NULL::text AS evidence")
                        + " FROM current_summaries WHERE account_id = ANY($1)")
                .execute(Tuple.of(accountIds.toArray(String[]::new)))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(SummaryStore::stored);
    }

    /**
     * The accounts whose current summary is missing or stale: a fact projected since (version), computed before
     * {@code olderThan}, or before {@code windowStart} (another month window), or, when {@code healthReports}, stored
     * without the account's health report (before V10, or by a rebuild's warm-up). Missing ones first, then the oldest.
     */
    public Uni<List<AccountVersion>> staleCurrent(Instant olderThan, Instant windowStart, int limit, boolean healthReports) {
        return pool.preparedQuery("SELECT a.account_id, a.version FROM accounts a LEFT JOIN current_summaries c "
                        + "ON c.account_id = a.account_id WHERE c.account_id IS NULL OR c.version <> a.version "
                        + "OR c.as_of < $1 OR c.as_of < $2 OR ($4 AND c.health IS NULL) "
                        + "ORDER BY c.as_of NULLS FIRST, a.account_id LIMIT $3")
                .execute(Tuple.of(utc(olderThan), utc(windowStart), limit, healthReports))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(rows -> {
                    List<AccountVersion> list = new ArrayList<>(rows.rowCount());
                    rows.forEach(r -> list.add(new AccountVersion(r.getString("account_id"), r.getLong("version"))));
                    return list;
                });
    }

    /** The account's version and its current summary's stored health report; empty for an unknown account. */
    public Uni<Optional<CurrentHealth>> currentHealthOf(String accountId) {
        return pool.preparedQuery("SELECT a.version AS account_version, c.version, c.as_of, c.health, c.trend FROM accounts a "
                        + "LEFT JOIN current_summaries c ON c.account_id = a.account_id WHERE a.account_id = $1")
                .execute(Tuple.of(accountId))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        return Optional.<CurrentHealth>empty();
                    }
                    Row r = rows.iterator().next();
                    OffsetDateTime at = r.getOffsetDateTime("as_of");
                    return Optional.of(new CurrentHealth(r.getLong("account_version"), r.getLong("version"),
                            at == null ? null : at.toInstant(), r.getString("health"), r.getString("trend")));
                });
    }

    /** Stores current summaries; a row computed from an older version than the one stored is not written. */
    public Uni<Void> storeCurrent(List<Stored> summaries) {
        if (summaries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Columns c = Columns.of(summaries);
        return pool.preparedQuery("INSERT INTO current_summaries (account_id, as_of, version, key_account, summary, evidence, "
                        + "health, trend) SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::bigint[], $4::boolean[], "
                        + "$5::text[], $6::text[], $7::text[], $8::text[]) "
                        + "ORDER BY 1 ON CONFLICT (account_id) DO UPDATE SET as_of = excluded.as_of, version = excluded.version, "
                        + "key_account = excluded.key_account, summary = excluded.summary, evidence = excluded.evidence, "
                        + "health = excluded.health, trend = excluded.trend WHERE current_summaries.version <= excluded.version")
                .execute(Tuple.from(new Object[] {c.ids, c.asOf, c.versions, c.keys, c.docs, c.evidence, c.health, c.trend}))
                .replaceWithVoid();
    }

    /**
     * The facts of {@code accountIds} that happened by {@code asOf}: by account in the order asked (each once), each
     * account's in the history order ({@link FactStore#HISTORY_ORDER}).
     */
    public Uni<Map<String, List<StoredFact>>> histories(List<String> accountIds, Instant asOf) {
        return histories(accountIds, asOf, null);
    }

    /**
     * The same, counting only the facts known by {@code knownAt} (null: every fact projected). Read through a cursor,
     * {@value #HISTORY_ROWS_PER_READ} rows at a time: the reactive client gathers a result's bytes in one buffer until
     * a network read ends on a message boundary, copying it every 16 reads, so one large result (a chunk's histories,
     * tens of MB) allocated ever larger buffers above G1's humongous size; each read of a cursor ends on one. Each read's
     * rows become fact records on the event loop, so they can go before the next read; the caller gets them on a worker.
     */
    public Uni<Map<String, List<StoredFact>>> histories(List<String> accountIds, Instant asOf, Instant knownAt) {
        // distinct: an account named twice would have its facts read twice, the second copy after the first
        Tuple arguments = Tuple.of(new LinkedHashSet<>(accountIds).toArray(String[]::new), utc(asOf),
                knownAt == null ? null : utc(knownAt));
        // one account's facts after another's: one map entry per run of the same account, not a lookup per fact
        Map<String, List<StoredFact>> byAccount = new LinkedHashMap<>();
        return pool.withTransaction(conn -> conn.prepare(HISTORIES).chain(statement ->
                        readAll(statement.cursor(arguments), byAccount)))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .replaceWith(byAccount);
    }

    /**
     * A chunk's histories, one account after another: for each account one scan of {@code account_facts_by_account} in
     * its order (time, then projection time), so only the ties in time are sorted, and the nested loop passes each
     * account's rows on in that order (a cursor's query is never run in parallel). {@code account_id = ANY($1) ... ORDER BY
     * account_id, HISTORY_ORDER} instead was planned as a bitmap scan and a sort of the whole chunk: at 10,000 accounts
     * 702 against 550 ms over 12 random chunks of 50 (docs/benchmarks.md, "One index scan per account").
     */
    static final String HISTORIES = "SELECT f.* FROM unnest($1::text[]) AS chunk(id) CROSS JOIN LATERAL (SELECT "
            + FactStore.COLUMNS + " FROM account_facts WHERE account_id = chunk.id AND occurred_at <= $2 "
            + "AND ($3::timestamptz IS NULL OR " + FactStore.KNOWN_AT + " <= $3) ORDER BY " + FactStore.HISTORY_ORDER + ") f";

    static final int HISTORY_ROWS_PER_READ = 2000;

    private static Uni<Void> readAll(Cursor cursor, Map<String, List<StoredFact>> byAccount) {
        return cursor.read(HISTORY_ROWS_PER_READ).chain(rows -> {
            List<StoredFact> history = null;
            String accountId = null;
            for (StoredFact f : FactStore.toFacts(rows)) {
                if (!f.accountId().equals(accountId)) {
                    accountId = f.accountId();
                    history = byAccount.computeIfAbsent(accountId, id -> new ArrayList<>());
                }
                history.add(f);
            }
            return cursor.hasMore() ? readAll(cursor, byAccount) : cursor.close();
        });
    }

    private static List<Stored> stored(RowSet<Row> rows) {
        List<Stored> list = new ArrayList<>(rows.rowCount());
        Set<String> seen = new HashSet<>();
        for (Row r : rows) {
            if (seen.add(r.getString("account_id"))) {
                list.add(stored(r, false));
            }
        }
        return list;
    }

    /** A summary row as read; its health report and trend only when {@code withHealth} (columns health, trend). */
    static Stored stored(Row r, boolean withHealth) {
        return new Stored(r.getString("account_id"), r.getOffsetDateTime("as_of").toInstant(), r.getLong("version"),
                r.getBoolean("key_account"), r.getString("summary"), r.getString("evidence"),
                withHealth ? r.getString("health") : null, withHealth ? r.getString("trend") : null);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** Summaries as column arrays, for one {@code unnest} insert of many rows. */
    private record Columns(String[] ids, OffsetDateTime[] asOf, Long[] versions, Boolean[] keys, String[] docs,
                           String[] evidence, String[] health, String[] trend) {

        static Columns of(List<Stored> summaries) {
            int n = summaries.size();
            Columns c = new Columns(new String[n], new OffsetDateTime[n], new Long[n], new Boolean[n], new String[n],
                    new String[n], new String[n], new String[n]);
            for (int i = 0; i < n; i++) {
                Stored s = summaries.get(i);
                c.ids[i] = s.accountId();
                c.asOf[i] = s.asOf() == null ? null : utc(s.asOf());
                c.versions[i] = s.version();
                c.keys[i] = s.keyAccount();
                c.docs[i] = s.summary();
                c.evidence[i] = s.evidence();
                c.health[i] = s.health();
                c.trend[i] = s.trend();
            }
            return c;
        }
    }
}
