package io.kamplatform.reporting.store;

import io.kamplatform.reporting.domain.completeness.MissingEvents;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Per producer stream (source, stream id): the highest version seen and the versions below it not seen yet, kept as
 * ranges. They are maintained by {@code project_fact} (migration V3) in the statement that stores the event, so the
 * gaps change exactly once per event; this class reads them.
 * Streams are identified by (source, stream id) everywhere: stream ids are only unique within their source.
 */
@ApplicationScoped
public class StreamGapStore {

    /** Totals over all streams, for the gauges. */
    public record Totals(long missingEvents, long streamsWithGaps) {
    }

    private final Pool pool;

    public StreamGapStore(Pool pool) {
        this.pool = pool;
    }

    /** The account's missing versions, by source, stream and version (numerically). */
    public Uni<List<MissingEvents>> missingEventsOf(String accountId) {
        return pool.preparedQuery("SELECT g.source, g.stream_id, g.from_version, g.to_version FROM stream_gaps g "
                        + "JOIN projected_streams s ON s.source = g.source AND s.stream_id = g.stream_id "
                        + "WHERE s.account_id = $1 ORDER BY g.source, g.stream_id, g.from_version")
                .execute(Tuple.of(accountId))
                .map(StreamGapStore::toMissing);
    }

    /** The accounts that lack events. */
    public Uni<List<String>> incompleteAccounts() {
        return pool.query("SELECT DISTINCT account_id FROM projected_streams WHERE missing_events > 0").execute()
                .map(rows -> {
                    List<String> ids = new ArrayList<>(rows.rowCount());
                    rows.forEach(row -> ids.add(row.getString("account_id")));
                    return ids;
                });
    }

    public Uni<Totals> totals() {
        return pool.query("SELECT coalesce(sum(missing_events), 0)::bigint AS missing, count(*) FILTER (WHERE missing_events > 0) AS streams "
                        + "FROM projected_streams").execute()
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Totals(row.getLong("missing"), row.getLong("streams"));
                });
    }

    private static List<MissingEvents> toMissing(RowSet<Row> rows) {
        List<MissingEvents> missing = new ArrayList<>(rows.rowCount());
        rows.forEach(row -> missing.add(new MissingEvents(row.getString("source"), row.getString("stream_id"),
                row.getLong("from_version"), row.getLong("to_version"))));
        return missing;
    }
}
