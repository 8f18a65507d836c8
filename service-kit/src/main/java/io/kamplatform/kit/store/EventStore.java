package io.kamplatform.kit.store;

import io.kamplatform.kit.tracing.TraceParent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Append-only PostgreSQL event store (table {@code event_store}, migration {@code db/event-store/V1}).
 * Unique (stream_id, version) gives optimistic concurrency, unique event_id gives idempotency, and the
 * identity column orders publication. Every call runs on the caller's connection, inside its
 * transaction, so deciding and appending see one snapshot.
 */
@ApplicationScoped
public class EventStore {

    public static final String COLUMNS = "position, event_id, stream_id, subject, version, event_type, "
            + "schema_version, payload::text AS payload, occurred_at, recorded_at, request_hash";

    public Uni<List<StoredEvent>> loadStreams(SqlConnection connection, Collection<String> streamIds) {
        return connection.preparedQuery("SELECT " + COLUMNS + " FROM event_store WHERE stream_id = ANY($1) "
                        + "ORDER BY stream_id, version")
                .execute(Tuple.of(streamIds.toArray(String[]::new)))
                .map(EventStore::toEvents);
    }

    /**
     * The events of each stream from a version on (0: the whole stream), in stream order: one index range a stream,
     * so a stream read from its latest version costs one row however long it is.
     */
    public Uni<List<StoredEvent>> loadStreamsFrom(SqlConnection connection, Map<String, Long> fromVersions) {
        String[] streamIds = fromVersions.keySet().toArray(String[]::new);
        Long[] versions = new Long[streamIds.length];
        for (int i = 0; i < streamIds.length; i++) {
            versions[i] = fromVersions.get(streamIds[i]);
        }
        return connection.preparedQuery("SELECT e.* FROM unnest($1::text[], $2::bigint[]) AS f(stream, from_version) "
                        + "CROSS JOIN LATERAL (SELECT " + COLUMNS + " FROM event_store WHERE stream_id = f.stream "
                        + "AND version >= f.from_version ORDER BY version) e ORDER BY e.stream_id, e.version")
                .execute(Tuple.of(streamIds, versions))
                .map(EventStore::toEvents);
    }

    public Uni<List<StoredEvent>> loadStream(SqlConnection connection, String streamId, long fromVersion, int limit) {
        return connection.preparedQuery("SELECT " + COLUMNS + " FROM event_store WHERE stream_id = $1 "
                        + "AND version >= $2 ORDER BY version LIMIT $3")
                .execute(Tuple.of(streamId, fromVersion, limit))
                .map(EventStore::toEvents);
    }

    /** The events about one account across all its streams, in store order. */
    public Uni<List<StoredEvent>> loadSubject(SqlConnection connection, String subject, long afterPosition, int limit) {
        return connection.preparedQuery("SELECT " + COLUMNS + " FROM event_store WHERE subject = $1 "
                        + "AND position > $2 ORDER BY position LIMIT $3")
                .execute(Tuple.of(subject, afterPosition, limit))
                .map(EventStore::toEvents);
    }

    public Uni<List<StoredEvent>> findByEventIds(SqlConnection connection, Collection<String> eventIds) {
        return connection.preparedQuery("SELECT " + COLUMNS + " FROM event_store WHERE event_id = ANY($1)")
                .execute(Tuple.of(eventIds.toArray(String[]::new)))
                .map(EventStore::toEvents);
    }

    /** The subset of the given streams that hold an event of the given type (e.g. a registration). */
    public Uni<List<String>> streamsWithEventType(SqlConnection connection, Collection<String> streamIds, String type) {
        return connection.preparedQuery("SELECT DISTINCT stream_id FROM event_store WHERE event_type = $2 "
                        + "AND stream_id = ANY($1)")
                .execute(Tuple.of(streamIds.toArray(String[]::new), type))
                .map(rows -> {
                    List<String> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getString(0)));
                    return ids;
                });
    }

    /** Appends in one statement; a statement-level trigger NOTIFYs the outbox relay on commit. */
    public Uni<List<StoredEvent>> append(SqlConnection connection, List<NewEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        // The trace of the request that decided these events travels with them to Kafka (ce_traceparent).
        String traceParent = TraceParent.current();
        List<Tuple> rows = events.stream().map(e -> Tuple.tuple()
                .addString(e.eventId()).addString(e.streamId()).addString(e.subject()).addLong(e.version())
                .addString(e.type()).addInteger(e.schemaVersion()).addValue(new JsonObject(e.payload()))
                .addOffsetDateTime(e.occurredAt()).addString(e.requestHash()).addString(traceParent)).toList();
        return connection.preparedQuery("INSERT INTO event_store (event_id, stream_id, subject, version, event_type, "
                        + "schema_version, payload, occurred_at, request_hash, trace_parent) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING " + COLUMNS)
                .executeBatch(rows)
                .map(EventStore::toBatchEvents)
                .onFailure(EventStore::isUniqueViolation)
                .transform(failure -> new ConcurrentAppendException(((PgException) failure).getConstraint(), failure));
    }

    static boolean isUniqueViolation(Throwable failure) {
        return failure instanceof PgException pg && "23505".equals(pg.getSqlState());
    }

    private static List<StoredEvent> toBatchEvents(RowSet<Row> first) {
        List<StoredEvent> appended = new ArrayList<>();
        for (RowSet<Row> rows = first; rows != null; rows = rows.next()) {
            rows.forEach(row -> appended.add(toEvent(row)));
        }
        return appended;
    }

    public static List<StoredEvent> toEvents(RowSet<Row> rows) {
        List<StoredEvent> events = new ArrayList<>(rows.rowCount());
        rows.forEach(row -> events.add(toEvent(row)));
        return events;
    }

    public static StoredEvent toEvent(Row row) {
        return new StoredEvent(row.getLong("position"), row.getString("event_id"), row.getString("stream_id"),
                row.getString("subject"), row.getLong("version"), row.getString("event_type"),
                row.getInteger("schema_version"), row.getString("payload"), row.getOffsetDateTime("occurred_at"),
                row.getOffsetDateTime("recorded_at"), row.getString("request_hash"));
    }
}
