package io.kamplatform.reporting.store;

import io.kamplatform.reporting.domain.completeness.MissingEvents;
import io.kamplatform.reporting.projection.IncomingFact;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Per producer stream (source, stream id): the highest version seen and the versions below it not seen yet, kept as
 * ranges. {@link #track} runs in the transaction that stores the event, so the gaps change exactly once per event.
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

    /**
     * Records that {@code fact} (new, with a stream position) arrived: a version past the highest opens a gap for the
     * versions skipped, a late version fills its gap. True when the gaps changed. The stream row is locked first, so
     * concurrent events of one stream update it one after another.
     */
    Uni<Boolean> track(SqlConnection conn, IncomingFact fact) {
        long version = fact.streamVersion();
        // A stream first seen at version v > 1 whose producer sent this account's earlier events without a stream id
        // (before it had the extension) is tracked from v: those versions did arrive, just unlabelled.
        return conn.preparedQuery("INSERT INTO projected_streams (source, stream_id, account_id, highest_version, tracked_from) "
                        + "SELECT $1::text, $2::text, $3::text, t.tracked_from - 1, t.tracked_from FROM (SELECT CASE WHEN $4::bigint > 1 AND EXISTS ("
                        + "SELECT 1 FROM account_facts f WHERE f.account_id = $3 AND f.source = $1 AND f.stream_id IS NULL) "
                        + "THEN $4::bigint ELSE 1 END AS tracked_from) t ON CONFLICT (source, stream_id) DO NOTHING")
                .execute(Tuple.of(fact.source(), fact.streamId(), fact.accountId(), version))
                .chain(() -> conn.preparedQuery("SELECT highest_version, tracked_from FROM projected_streams "
                                + "WHERE source = $1 AND stream_id = $2 FOR UPDATE")
                        .execute(Tuple.of(fact.source(), fact.streamId())))
                .chain(rows -> {
                    Row stream = rows.iterator().next();
                    long highest = stream.getLong("highest_version");
                    if (version > highest) {
                        return advance(conn, fact, highest, version);
                    }
                    return version < stream.getLong("tracked_from") ? Uni.createFrom().item(false) : fill(conn, fact, version);
                });
    }

    private Uni<Boolean> advance(SqlConnection conn, IncomingFact fact, long highest, long version) {
        long skipped = version - highest - 1;
        Uni<Void> gap = skipped == 0 ? Uni.createFrom().voidItem()
                : conn.preparedQuery("INSERT INTO stream_gaps (source, stream_id, from_version, to_version) VALUES ($1, $2, $3, $4)")
                        .execute(Tuple.of(fact.source(), fact.streamId(), highest + 1, version - 1)).replaceWithVoid();
        return gap.chain(() -> conn.preparedQuery("UPDATE projected_streams SET highest_version = $3, "
                                + "missing_events = missing_events + $4 WHERE source = $1 AND stream_id = $2")
                        .execute(Tuple.of(fact.source(), fact.streamId(), version, skipped)))
                .map(updated -> skipped > 0);
    }

    private Uni<Boolean> fill(SqlConnection conn, IncomingFact fact, long version) {
        return conn.preparedQuery("DELETE FROM stream_gaps WHERE source = $1 AND stream_id = $2 AND from_version <= $3 "
                        + "AND to_version >= $3 RETURNING from_version, to_version")
                .execute(Tuple.of(fact.source(), fact.streamId(), version))
                .chain(deleted -> {
                    if (deleted.rowCount() == 0) {
                        return Uni.createFrom().item(false); // not missing: seen before under another id (a conflict)
                    }
                    Row row = deleted.iterator().next();
                    List<MissingEvents> rest = new MissingEvents(fact.source(), fact.streamId(),
                            row.getLong("from_version"), row.getLong("to_version")).without(version);
                    List<Tuple> inserts = rest.stream().map(r -> Tuple.of(r.source(), r.streamId(), r.fromVersion(), r.toVersion())).toList();
                    Uni<Void> split = inserts.isEmpty() ? Uni.createFrom().voidItem()
                            : conn.preparedQuery("INSERT INTO stream_gaps (source, stream_id, from_version, to_version) "
                                    + "VALUES ($1, $2, $3, $4)").executeBatch(inserts).replaceWithVoid();
                    return split.chain(() -> conn.preparedQuery("UPDATE projected_streams SET missing_events = missing_events - 1 "
                                    + "WHERE source = $1 AND stream_id = $2").execute(Tuple.of(fact.source(), fact.streamId())))
                            .map(updated -> true);
                });
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
