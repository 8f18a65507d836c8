package io.kamplatform.reporting.rebuild;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The read-model tables (everything the projection and the read models write) and a fresh, empty set of them in the
 * schema {@value #FRESH}, shaped exactly like the live ones (columns, defaults, constraints, indexes and triggers by the
 * same names, so later migrations find them), which {@link #switchIn} trades for the live set in one transaction.
 * Blocking: called from the rebuild's own thread.
 */
@ApplicationScoped
public class ReadModelTables {

    static final String FRESH = "kam_rebuild";
    static final String RETIRED = "kam_retired";
    /** Migrations V1-V5. */
    static final List<String> TABLES = List.of("account_facts", "accounts", "projected_streams", "stream_gaps",
            "stream_version_conflicts", "account_summaries", "summary_points", "current_summaries");
    static final Duration STATEMENT = Duration.ofMinutes(2);
    /**
     * Indexes the replay never reads (the reports and the warm-up do): built once over the replayed rows by
     * {@link #buildAfterReplay} instead of updated for every one of them. account_facts_by_account orders a
     * million facts by account, in an order the replay does not insert them in.
     */
    static final List<String> BUILT_AFTER_REPLAY = List.of("account_facts_by_account");
    /** PostgreSQL's {@code maintenance_work_mem} while they are built, for that transaction only. */
    static final String INDEX_BUILD_MEMORY = "256MB";

    private final Pool pool;

    public ReadModelTables(Pool pool) {
        this.pool = pool;
    }

    /** The session advisory lock one rebuild holds, across the instances sharing the database. */
    static final long REBUILD_LOCK = 0x4B414D5242L; // "KAMRB"

    /**
     * A connection holding the rebuild lock, or empty when another instance's rebuild holds it. {@link #unlock}
     * releases it (as does the end of the session when an instance dies).
     */
    public java.util.Optional<SqlConnection> lockForRebuild() {
        SqlConnection conn = pool.getConnection().await().atMost(STATEMENT);
        try {
            boolean locked = conn.preparedQuery("SELECT pg_try_advisory_lock($1) AS locked").execute(Tuple.of(REBUILD_LOCK))
                    .await().atMost(STATEMENT).iterator().next().getBoolean("locked");
            if (locked) {
                return java.util.Optional.of(conn);
            }
        } catch (RuntimeException e) {
            conn.closeAndAwait();
            throw e;
        }
        conn.closeAndAwait();
        return java.util.Optional.empty();
    }

    /**
     * Releases the rebuild lock and gives the connection back. Closing alone would not: the pool keeps the session,
     * and with it the lock, so the next rebuild would be refused as "running on another instance".
     */
    public void unlock(SqlConnection lock) {
        try {
            lock.preparedQuery("SELECT pg_advisory_unlock($1)").execute(Tuple.of(REBUILD_LOCK)).await().atMost(STATEMENT);
        } finally {
            lock.closeAndAwait();
        }
    }

    /** Drops a fresh set left by an earlier rebuild and creates an empty one. */
    public void createFresh() {
        pool.withTransaction(conn -> conn.query("DROP SCHEMA IF EXISTS " + FRESH + " CASCADE").execute()
                        .chain(() -> conn.query("CREATE SCHEMA " + FRESH).execute())
                        .chain(() -> conn.preparedQuery("SELECT r.relname AS tbl, c.conname, pg_get_constraintdef(c.oid) AS def "
                                        + "FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid "
                                        + "WHERE r.relnamespace = 'public'::regnamespace AND r.relname = ANY($1) "
                                        + "AND c.contype IN ('p', 'u', 'c', 'f', 'x') ORDER BY c.contype = 'f', r.relname, c.conname")
                                .execute(Tuple.of(TABLES.toArray(String[]::new))))
                        .chain(constraints -> conn.preparedQuery("SELECT i.indexdef FROM pg_indexes i WHERE i.schemaname = 'public' "
                                        + "AND i.tablename = ANY($1) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE "
                                        + "c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass AND c.contype IN ('p', 'u', 'x')) "
                                        + "AND i.indexname <> ALL($2) ORDER BY i.indexname")
                                .execute(Tuple.of(TABLES.toArray(String[]::new), BUILT_AFTER_REPLAY.toArray(String[]::new)))
                                .map(indexes -> ddl(constraints, indexes)))
                        .chain(ddl -> {
                            // Unqualified names in the definitions (a foreign key's target) now mean the fresh tables.
                            io.smallrye.mutiny.Uni<?> chain = conn.query("SET LOCAL search_path TO " + FRESH + ", public").execute();
                            for (String statement : ddl) {
                                chain = chain.chain(() -> conn.query(statement).execute());
                            }
                            return chain;
                        }))
                .await().atMost(STATEMENT);
    }

    /**
     * Creates what {@link #createFresh} left out on the fresh set, as defined live: the indexes
     * {@link #BUILT_AFTER_REPLAY}, and the triggers (V11's change marks; {@code LIKE} copies none). The marks only matter
     * from the switch on (the portfolio reports' states mirror reads switched-in tables in full), so the replay does not
     * run a trigger for each of its rows. In one transaction, with {@value #INDEX_BUILD_MEMORY} to sort in.
     */
    public void buildAfterReplay() {
        pool.preparedQuery("SELECT indexdef AS def FROM pg_indexes WHERE schemaname = 'public' AND indexname = ANY($1) "
                        + "UNION ALL SELECT def FROM (SELECT pg_get_triggerdef(t.oid) AS def FROM pg_trigger t "
                        + "JOIN pg_class r ON r.oid = t.tgrelid WHERE r.relnamespace = 'public'::regnamespace "
                        + "AND r.relname = ANY($2) AND NOT t.tgisinternal ORDER BY t.tgname) triggers")
                .execute(Tuple.of(BUILT_AFTER_REPLAY.toArray(String[]::new), TABLES.toArray(String[]::new)))
                .chain(definitions -> pool.withTransaction(conn -> {
                    // The index's sort in memory: 1.2 M facts need about 70 MB (an estimate), above the default 64 MB
                    io.smallrye.mutiny.Uni<?> chain = conn.query("SET LOCAL maintenance_work_mem = '" + INDEX_BUILD_MEMORY
                            + "'").execute();
                    for (Row d : definitions) {
                        String statement = onFresh(d.getString("def")); // an index's or a trigger's
                        chain = chain.chain(() -> conn.query(statement).execute());
                    }
                    return chain;
                }))
                .await().atMost(STATEMENT);
    }

    private static List<String> ddl(Iterable<Row> constraints, Iterable<Row> indexes) {
        List<String> ddl = new ArrayList<>();
        for (String table : TABLES) {
            ddl.add("CREATE TABLE " + FRESH + "." + table + " (LIKE public." + table
                    + " INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING IDENTITY INCLUDING STORAGE)");
        }
        for (Row c : constraints) {
            ddl.add("ALTER TABLE " + FRESH + "." + c.getString("tbl") + " ADD CONSTRAINT " + c.getString("conname") + " "
                    + c.getString("def"));
        }
        for (Row i : indexes) {
            ddl.add(onFresh(i.getString("indexdef")));
        }
        return ddl;
    }

    /** A live index's or trigger's definition, for the same on the fresh table. */
    private static String onFresh(String indexdef) {
        return indexdef.replace(" ON public.", " ON " + FRESH + ".");
    }

    /**
     * Switches the fresh set in. The live tables are locked against writes (reads go on), so the live projection
     * stores nothing more in them; {@code drain} then brings the fresh set up to every record published by now (so to
     * every record the live set holds); the two sets trade places in the same transaction and the old one is dropped.
     * Records the live projection stores after the switch go to the new set, where those the drain stored already
     * are duplicates (deduplicated on (source, event id)): none lost, none counted twice. Fails (and changes nothing)
     * when a lock is not granted within {@code lockTimeout}; the caller tries again.
     */
    public void switchIn(Runnable drain, Duration lockTimeout) {
        SqlConnection conn = pool.getConnection().await().atMost(STATEMENT);
        try {
            Transaction tx = conn.begin().await().atMost(STATEMENT);
            try {
                run(conn, "SET LOCAL lock_timeout = '" + lockTimeout.toMillis() + "ms'");
                run(conn, "LOCK TABLE " + TABLES.stream().map(t -> "public." + t).collect(Collectors.joining(", "))
                        + " IN EXCLUSIVE MODE");
                drain.run();
                run(conn, "DROP SCHEMA IF EXISTS " + RETIRED + " CASCADE");
                run(conn, "CREATE SCHEMA " + RETIRED);
                for (String table : TABLES) {
                    run(conn, "ALTER TABLE public." + table + " SET SCHEMA " + RETIRED);
                }
                for (String table : TABLES) {
                    run(conn, "ALTER TABLE " + FRESH + "." + table + " SET SCHEMA public");
                }
                tx.commit().await().atMost(STATEMENT);
            } catch (RuntimeException e) {
                tx.rollback().onFailure().recoverWithNull().await().atMost(STATEMENT);
                throw e;
            }
        } finally {
            conn.close().await().atMost(STATEMENT);
        }
        dropLeftovers();
    }

    /** The old set after a switch, or a fresh set a failed rebuild left. */
    public void dropLeftovers() {
        pool.query("DROP SCHEMA IF EXISTS " + RETIRED + " CASCADE").execute()
                .chain(() -> pool.query("DROP SCHEMA IF EXISTS " + FRESH + " CASCADE").execute())
                .await().atMost(STATEMENT);
    }

    private static void run(SqlConnection conn, String sql) {
        conn.query(sql).execute().await().atMost(STATEMENT);
    }
}
