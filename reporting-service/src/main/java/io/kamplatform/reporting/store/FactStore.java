package io.kamplatform.reporting.store;

import io.kamplatform.reporting.projection.IncomingFact;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The projected history: every consumed event once per (source, event id), queried per account and point in time.
 * Ties in time are ordered by projection time, then (source, event id): the same key the history is unique on.
 */
@ApplicationScoped
public class FactStore {

    static final String COLUMNS = "event_id, account_id, event_type, source, topic, stream_version, occurred_at, "
            + "recorded_at, data::text AS data";

    private final Pool pool;
    private final StreamGapStore gaps;

    public FactStore(Pool pool, StreamGapStore gaps) {
        this.pool = pool;
        this.gaps = gaps;
    }

    /**
     * Stores the fact unless (source, event id) was projected before, and tracks its stream position, in one
     * transaction: the change, the processed mark and the gaps cannot diverge, and a redelivery changes nothing. A
     * fact whose (source, stream, version) another event holds is not stored: the first is kept, the conflict recorded.
     */
    public Uni<ProjectionResult> project(IncomingFact fact) {
        return pool.withTransaction(conn -> conn.preparedQuery("INSERT INTO account_facts (event_id, account_id, event_type, "
                        + "source, topic, kafka_partition, kafka_offset, stream_id, stream_version, occurred_at, recorded_at, data) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT DO NOTHING")
                .execute(Tuple.from(new Object[] {fact.eventId(), fact.accountId(), fact.type(), fact.source(),
                        fact.topic(), fact.partition(), fact.offset(), fact.hasStreamPosition() ? fact.streamId() : null,
                        fact.streamVersion(), fact.occurredAt(), fact.recordedAt(), new JsonObject(fact.data())}))
                .chain(inserted -> {
                    if (inserted.rowCount() == 1) {
                        return fact.hasStreamPosition() ? gaps.track(conn, fact).map(ProjectionResult::projected)
                                : Uni.createFrom().item(ProjectionResult.projected(false));
                    }
                    return fact.hasStreamPosition() ? duplicateOrConflict(conn, fact) : Uni.createFrom().item(ProjectionResult.duplicate());
                }));
    }

    /** Not inserted: either this very event was stored before, or another event holds its stream version. */
    private Uni<ProjectionResult> duplicateOrConflict(SqlConnection conn, IncomingFact fact) {
        return conn.preparedQuery("SELECT event_id, (SELECT count(*) FROM account_facts WHERE source = $1 AND event_id = $4) AS stored "
                        + "FROM account_facts WHERE source = $1 AND stream_id = $2 AND stream_version = $3")
                .execute(Tuple.of(fact.source(), fact.streamId(), fact.streamVersion(), fact.eventId()))
                .chain(rows -> {
                    Row holder = rows.rowCount() == 0 ? null : rows.iterator().next();
                    if (holder == null || holder.getLong("stored") > 0) {
                        return Uni.createFrom().item(ProjectionResult.duplicate());
                    }
                    String kept = holder.getString("event_id");
                    return conn.preparedQuery("INSERT INTO stream_version_conflicts (source, event_id, stream_id, stream_version, "
                                    + "kept_event_id, topic, kafka_partition, kafka_offset) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
                                    + "ON CONFLICT DO NOTHING")
                            .execute(Tuple.from(new Object[] {fact.source(), fact.eventId(), fact.streamId(), fact.streamVersion(),
                                    kept, fact.topic(), fact.partition(), fact.offset()}))
                            .map(recorded -> recorded.rowCount() == 1 ? ProjectionResult.conflict(kept) : ProjectionResult.duplicate());
                });
    }

    /** The account's facts that happened up to {@code asOf}, oldest first (ties in projection order). */
    public Uni<List<StoredFact>> factsOf(String accountId, OffsetDateTime asOf) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM account_facts WHERE account_id = $1 AND occurred_at <= $2 "
                        + "ORDER BY occurred_at, projected_at, source, event_id")
                .execute(Tuple.of(accountId, asOf))
                .map(FactStore::toFacts);
    }

    /** A page of the account's timeline up to {@code asOf}. */
    public Uni<List<StoredFact>> timeline(String accountId, OffsetDateTime asOf, int offset, int limit) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM account_facts WHERE account_id = $1 AND occurred_at <= $2 "
                        + "ORDER BY occurred_at, projected_at, source, event_id OFFSET $3 LIMIT $4")
                .execute(Tuple.of(accountId, asOf, offset, limit))
                .map(FactStore::toFacts);
    }

    /** The facts of all accounts up to {@code asOf}, grouped by account in time order. */
    public Uni<List<StoredFact>> allFactsAsOf(OffsetDateTime asOf) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM account_facts WHERE occurred_at <= $1 "
                        + "ORDER BY account_id, occurred_at, projected_at, source, event_id")
                .execute(Tuple.of(asOf))
                .map(FactStore::toFacts);
    }

    private static List<StoredFact> toFacts(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        List<StoredFact> facts = new ArrayList<>(rows.rowCount());
        rows.forEach(row -> facts.add(new StoredFact(row.getString("event_id"), row.getString("account_id"),
                row.getString("event_type"), row.getString("source"), row.getString("topic"), row.getLong("stream_version"),
                row.getOffsetDateTime("occurred_at"), row.getOffsetDateTime("recorded_at"), row.getString("data"))));
        return facts;
    }
}
