package io.kamplatform.reporting.store;

import io.kamplatform.reporting.store.SummaryStore.Stored;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the read-model audit reads of one account, all in one snapshot: its version, its stored current summary, its
 * summaries at past points and its whole history. One snapshot (a REPEATABLE READ transaction) is what makes the
 * comparison fair: a fact projected while the audit reads would otherwise be in the history and not in a summary that
 * was exact when read, or delete a point the audit then folds with the late fact in. And the repairs, each conditional
 * on the row being the one audited, so a row written since is left alone.
 */
@ApplicationScoped
public class AuditedSummaries {

    /** One account as the audit sees it; {@code current} null without a current summary. */
    public record Account(String accountId, long version, Stored current, List<Stored> points, List<StoredFact> history) {
    }

    private final Pool pool;

    public AuditedSummaries(Pool pool) {
        this.pool = pool;
    }

    /**
     * The account to audit after {@code after}: the next in the database's id order, or, when none is after it, the
     * first ({@code wrapped}: a round is done). Empty without accounts.
     */
    public record Next(String accountId, boolean wrapped) {
    }

    public Uni<Optional<Next>> next(String after) {
        return pool.preparedQuery("SELECT account_id, round FROM ((SELECT account_id, 0 AS round FROM accounts "
                        + "WHERE account_id > $1 ORDER BY account_id LIMIT 1) UNION ALL (SELECT account_id, 1 FROM accounts "
                        + "ORDER BY account_id LIMIT 1)) next ORDER BY round LIMIT 1")
                .execute(Tuple.of(after))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        return Optional.<Next>empty();
                    }
                    Row r = rows.iterator().next();
                    return Optional.of(new Next(r.getString("account_id"), r.getInteger("round") == 1));
                });
    }

    /** The account's version, summaries and history in one snapshot; empty for an unknown account. */
    public Uni<Optional<Account>> of(String accountId) {
        Tuple id = Tuple.of(accountId);
        return pool.withTransaction(conn -> conn.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                        .execute()
                        // in the order a rebuild's switch locks them (ReadModelTables.TABLES): never a deadlock with it
                        .chain(() -> conn.query("LOCK TABLE account_facts, accounts, account_summaries, current_summaries "
                                + "IN ACCESS SHARE MODE").execute())
                        .chain(() -> conn.preparedQuery("SELECT version FROM accounts WHERE account_id = $1").execute(id))
                        .chain(version -> version.rowCount() == 0 ? Uni.createFrom().item((Rows) null)
                                : conn.preparedQuery(SUMMARY_COLUMNS + "health, trend FROM current_summaries "
                                        + "WHERE account_id = $1").execute(id)
                                .chain(current -> conn.preparedQuery(SUMMARY_COLUMNS + "NULL::text AS health, "
                                                + "NULL::text AS trend FROM account_summaries WHERE account_id = $1 ORDER BY as_of")
                                        .execute(id)
                                        .chain(points -> conn.preparedQuery("SELECT " + FactStore.COLUMNS
                                                        + " FROM account_facts WHERE account_id = $1 ORDER BY "
                                                        + FactStore.HISTORY_ORDER).execute(id)
                                                .map(facts -> new Rows(version, current, points, facts))))))
                .emitOn(Infrastructure.getDefaultWorkerPool()) // rows become records on a worker, not on the event loop
                .map(rows -> rows == null ? Optional.<Account>empty() : Optional.of(rows.account(accountId)));
    }

    private static final String SUMMARY_COLUMNS = "SELECT account_id, as_of, version, key_account, summary, evidence, ";

    /** The snapshot's rows as read. */
    private record Rows(RowSet<Row> version, RowSet<Row> current, RowSet<Row> points, RowSet<Row> facts) {

        Account account(String accountId) {
            List<Stored> currentRows = stored(current);
            return new Account(accountId, version.iterator().next().getLong("version"),
                    currentRows.isEmpty() ? null : currentRows.get(0), stored(points), FactStore.toFacts(facts));
        }
    }

    /**
     * Makes the audited current summary stale (version -1: no account has it), so the refresher computes it again and
     * reports fold meanwhile; a row written since (another instant or version) is left alone. Whether it was changed.
     */
    public Uni<Boolean> recomputeCurrent(Stored audited) {
        return pool.preparedQuery("UPDATE current_summaries SET version = -1 WHERE account_id = $1 AND as_of = $2 "
                        + "AND version = $3")
                .execute(Tuple.of(audited.accountId(), SummaryStore.utc(audited.asOf()), audited.version()))
                .map(rows -> rows.rowCount() > 0);
    }

    /** Deletes the audited summary at a past point, so it is computed again when asked (month ends: ahead). */
    public Uni<Boolean> recomputePoint(Stored audited) {
        return pool.preparedQuery("DELETE FROM account_summaries WHERE account_id = $1 AND as_of = $2 AND version = $3")
                .execute(Tuple.of(audited.accountId(), SummaryStore.utc(audited.asOf()), audited.version()))
                .map(rows -> rows.rowCount() > 0);
    }

    private static List<Stored> stored(RowSet<Row> rows) {
        List<Stored> list = new ArrayList<>(rows.rowCount());
        rows.forEach(r -> list.add(SummaryStore.stored(r, true)));
        return list;
    }
}
