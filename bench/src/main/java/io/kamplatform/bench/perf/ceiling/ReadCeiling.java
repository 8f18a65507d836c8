package io.kamplatform.bench.perf.ceiling;

import io.kamplatform.bench.perf.load.Measurement;
import java.io.IOException;
import java.util.Map;

/**
 * W4's ceiling: pgbench running the SELECTs reporting-service runs for the two reports W4 reads, against its live
 * database ({@code FactStore.factsOf} + {@code StreamGapStore.missingEventsOf} for an account's health;
 * {@code FactStore.allFactsAsOf} + the two portfolio completeness queries for the portfolio health). If the read models
 * change, these statements must follow them (the harness cannot read another service's SQL).
 */
public final class ReadCeiling {

    private static final String FACT_COLUMNS = "event_id, account_id, event_type, source, topic, stream_version, "
            + "occurred_at, recorded_at, data::text AS data";

    private final PgBench pgbench;

    public ReadCeiling(PgBench pgbench) {
        this.pgbench = pgbench;
    }

    /** An account's health: its facts up to now and its missing events; accounts drawn like W4's readers draw them. */
    public Measurement account(int clients, int seconds, String accountPrefix, int accounts) throws IOException, InterruptedException {
        String script = "\\set n random(0, " + (accounts - 1) + ")\n"
                + "SELECT " + FACT_COLUMNS + " FROM account_facts WHERE account_id = :prefix || lpad(:n::text, 6, '0') "
                + "AND occurred_at <= now() ORDER BY occurred_at, projected_at, source, event_id;\n"
                + "SELECT g.source, g.stream_id, g.from_version, g.to_version FROM stream_gaps g JOIN projected_streams s "
                + "ON s.source = g.source AND s.stream_id = g.stream_id WHERE s.account_id = :prefix || lpad(:n::text, 6, '0') "
                + "ORDER BY g.source, g.stream_id, g.from_version;\n";
        return pgbench.run("read-account-c" + clients, "reporting", script, clients, seconds, 1, Map.of("prefix", accountPrefix));
    }

    /** The portfolio health: every fact up to now, and the portfolio's completeness. */
    public Measurement portfolio(int clients, int seconds) throws IOException, InterruptedException {
        String script = "SELECT " + FACT_COLUMNS + " FROM account_facts WHERE occurred_at <= now() "
                + "ORDER BY account_id, occurred_at, projected_at, source, event_id;\n"
                + "SELECT DISTINCT account_id FROM projected_streams WHERE missing_events > 0;\n"
                + "SELECT coalesce(sum(missing_events), 0)::bigint AS missing, count(*) FILTER (WHERE missing_events > 0) "
                + "AS streams FROM projected_streams;\n";
        return pgbench.run("read-portfolio-c" + clients, "reporting", script, clients, seconds, 1, Map.of());
    }
}
