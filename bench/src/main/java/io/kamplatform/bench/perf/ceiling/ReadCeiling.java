package io.kamplatform.bench.perf.ceiling;

import io.kamplatform.bench.perf.load.Measurement;
import java.io.IOException;
import java.util.Map;

/**
 * W4's ceiling: pgbench running the SELECTs reporting-service runs for the two reports W4 reads, against its live
 * database, at W4's concurrency. The harness cannot read another service's SQL, so the statements are copied here,
 * <b>in this one place</b>: {@link #ACCOUNT_HEALTH} and {@link #PORTFOLIO_HEALTH}. When reporting-service changes what a
 * report reads, change these two scripts (and the row's description in docs/benchmarks.md) and nothing else.
 *
 * <p>An account's health for now (what W4 asks) is, since 2026-12-01, {@code SummaryStore.currentHealthOf} (the
 * account's version and its current summary's stored health report, one row by key) + {@code
 * StreamGapStore.missingEventsOf}; only when an event arrived for the account since its current summary does the report
 * also run {@code FactStore.factsOf} and fold (the ceiling leaves that rarer case out). The portfolio health (issue 13)
 * reads, since 2026-12-01, the account states changed since the last report ({@code SummaryStore.statesChangedSince};
 * the states themselves are in memory, {@code CurrentStatesMirror}; until then every account's state,
 * {@code SummaryStore.currentStates}: {@code accounts} joined with {@code current_summaries}) + the two portfolio
 * completeness queries, instead of every fact; the summaries themselves come from memory too.
 *
 * <p>Scripts are pgbench scripts: one statement per line (ending with {@code ;}), {@code \set} lines allowed;
 * {@code :prefix} (the portfolio's account id prefix) and {@code :accounts} (its size) are defined for both.
 */
public final class ReadCeiling {

    /** GET /api/reports/accounts/{id}/health: a random portfolio account, drawn as W4's readers draw them. */
    static final String ACCOUNT_HEALTH = "\\set n random(0, :accounts - 1)\n"
            + "SELECT a.version AS account_version, c.version, c.as_of, c.health, c.trend FROM accounts a "
            + "LEFT JOIN current_summaries c ON c.account_id = a.account_id "
            + "WHERE a.account_id = :prefix || lpad(:n::text, 6, '0');\n"
            + "SELECT g.source, g.stream_id, g.from_version, g.to_version FROM stream_gaps g JOIN projected_streams s "
            + "ON s.source = g.source AND s.stream_id = g.stream_id WHERE s.account_id = :prefix || lpad(:n::text, 6, '0') "
            + "AND s.missing_events > 0 ORDER BY g.source, g.stream_id, g.from_version;\n";

    /**
     * GET /api/reports/portfolio/health: the account states changed since the last report (here: written by the last
     * {@value #TRANSACTIONS_BETWEEN_REPORTS} transactions of the cluster: more than pass between two portfolio reports
     * under W4's load, estimated from its rates, not measured, so the ceiling reads at least the rows the report
     * does), and the portfolio's completeness.
     */
    static final String PORTFOLIO_HEALTH = "SELECT m.mark, m.tables, a.account_id, a.first_occurred_at, "
            + "a.version AS account_version, c.version, c.as_of, c.health IS NOT NULL AS health_stored, "
            + "GREATEST(a.changed_in, c.changed_in)::text AS changed_in FROM (SELECT pg_snapshot_xmin(pg_current_snapshot())::text "
            + "AS mark, to_regclass('accounts')::oid::bigint AS tables) m LEFT JOIN ((SELECT account_id FROM accounts "
            + "WHERE changed_in >= :since UNION SELECT account_id FROM current_summaries WHERE changed_in >= :since) changed "
            + "JOIN accounts a ON a.account_id = changed.account_id LEFT JOIN current_summaries c "
            + "ON c.account_id = a.account_id) ON true;\n"
            + "SELECT DISTINCT account_id FROM projected_streams WHERE missing_events > 0;\n"
            + "SELECT coalesce(sum(missing_events), 0)::bigint AS missing, count(*) AS streams FROM projected_streams "
            + "WHERE missing_events > 0;\n";
    static final int TRANSACTIONS_BETWEEN_REPORTS = 200;
    private static final String SINCE = "(pg_snapshot_xmin(pg_current_snapshot())::text::bigint - "
            + TRANSACTIONS_BETWEEN_REPORTS + ")::text::xid8";

    private final PgBench pgbench;

    public ReadCeiling(PgBench pgbench) {
        this.pgbench = pgbench;
    }

    /** An account's health: {@link #ACCOUNT_HEALTH}. */
    public Measurement account(int clients, int seconds, String accountPrefix, int accounts) throws IOException, InterruptedException {
        return pgbench.run("read-account-c" + clients, "reporting", ACCOUNT_HEALTH, clients, seconds, 1,
                Map.of("prefix", accountPrefix, "accounts", Integer.toString(accounts)));
    }

    /** The portfolio health: {@link #PORTFOLIO_HEALTH}. */
    public Measurement portfolio(int clients, int seconds, String accountPrefix, int accounts) throws IOException, InterruptedException {
        return pgbench.run("read-portfolio-c" + clients, "reporting", PORTFOLIO_HEALTH.replace(":since", SINCE), clients,
                seconds, 1,
                Map.of("prefix", accountPrefix, "accounts", Integer.toString(accounts)));
    }
}
