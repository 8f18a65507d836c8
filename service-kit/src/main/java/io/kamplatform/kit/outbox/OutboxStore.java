package io.kamplatform.kit.outbox;

import io.kamplatform.kit.store.EventStore;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbox's SQL: the checkpoint, the rows in publication order, and the counts its invariant compares.
 *
 * <p>Every ordering and comparison names the table column ({@code e.transaction_id}) and never an output alias: in
 * PostgreSQL an {@code ORDER BY} name binds to an output column first, and the relay once selected
 * {@code transaction_id::text AS transaction_id}, so it sorted transaction ids as text and skipped whole committed
 * transactions whenever its backlog spanned a power of ten. The text form is only ever read, as
 * {@code transaction_text}.
 */
@IfBuildProperty(name = "kam.outbox.included", stringValue = "true", enableIfMissing = true)
@ApplicationScoped
public class OutboxStore {

    private static final String AFTER = "(e.transaction_id, e.position) > ($1::text::xid8, $2)";
    private static final String UP_TO = "(e.transaction_id, e.position) <= ($3::text::xid8, $4)";
    private static final String SELECT_EVENTS = "SELECT e.transaction_id::text AS transaction_text, e.trace_parent, "
            + EventStore.COLUMNS + " FROM event_store e ";

    public Uni<OutboxCheckpoint> checkpoint(SqlClient client) {
        return client.query("SELECT last_transaction_id::text AS last_text, last_position, published_events, "
                        + "verified_transaction_id::text AS verified_text, verified_position, verified_at "
                        + "FROM outbox_checkpoint WHERE relay = 'kafka'").execute()
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new OutboxCheckpoint(new PublicationPoint(row.getString("last_text"), row.getLong("last_position")),
                            row.getLong("published_events"),
                            new PublicationPoint(row.getString("verified_text"), row.getLong("verified_position")),
                            row.getOffsetDateTime("verified_at"));
                });
    }

    /**
     * Up to {@code limit} rows after {@code after}, in publication order, of transactions older than every
     * transaction still running ({@code pg_snapshot_xmin}): no row can later appear before one of them.
     */
    public Uni<List<PendingEvent>> publishable(SqlClient client, PublicationPoint after, int limit) {
        return client.preparedQuery(SELECT_EVENTS + "WHERE " + AFTER
                        + " AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot()) "
                        + "ORDER BY e.transaction_id, e.position LIMIT $3")
                .execute(Tuple.of(after.transactionId(), after.position(), limit))
                .map(OutboxStore::toPending);
    }

    /** Up to {@code limit} rows in ({@code after}, {@code upTo}], in publication order. */
    public Uni<List<PendingEvent>> between(SqlClient client, PublicationPoint after, PublicationPoint upTo, int limit) {
        return client.preparedQuery(SELECT_EVENTS + "WHERE " + AFTER + " AND " + UP_TO
                        + " ORDER BY e.transaction_id, e.position LIMIT $5")
                .execute(Tuple.of(after.transactionId(), after.position(), upTo.transactionId(), upTo.position(), limit))
                .map(OutboxStore::toPending);
    }

    /** Up to {@code limit} rows whose position is in [{@code from}, {@code to}], in position order. */
    public Uni<List<PendingEvent>> byPosition(SqlClient client, long from, long to, int limit) {
        return client.preparedQuery(SELECT_EVENTS + "WHERE e.position BETWEEN $1 AND $2 ORDER BY e.position LIMIT $3")
                .execute(Tuple.of(from, to, limit))
                .map(OutboxStore::toPending);
    }

    /** How many rows lie in ({@code after}, {@code upTo}]. */
    public Uni<Long> countBetween(SqlClient client, PublicationPoint after, PublicationPoint upTo) {
        return client.preparedQuery("SELECT count(*) FROM event_store e WHERE " + AFTER + " AND " + UP_TO)
                .execute(Tuple.of(after.transactionId(), after.position(), upTo.transactionId(), upTo.position()))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /**
     * How many rows lie at or before {@code upTo}, and the oldest transaction still running when they were counted
     * (one statement, one snapshot).
     */
    public Uni<CountedStore> countUpTo(SqlClient client, PublicationPoint upTo) {
        return client.preparedQuery("SELECT count(*), pg_snapshot_xmin(pg_current_snapshot())::text FROM event_store e "
                        + "WHERE (e.transaction_id, e.position) <= ($1::text::xid8, $2)")
                .execute(Tuple.of(upTo.transactionId(), upTo.position()))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new CountedStore(row.getLong(0), row.getString(1));
                });
    }

    public Uni<OutboxBacklog> backlog(SqlClient client, PublicationPoint after) {
        return client.preparedQuery("SELECT count(*), (SELECT e2.recorded_at FROM event_store e2 "
                        + "WHERE (e2.transaction_id, e2.position) > ($1::text::xid8, $2) "
                        + "ORDER BY e2.transaction_id, e2.position LIMIT 1) FROM event_store e WHERE " + AFTER)
                .execute(Tuple.of(after.transactionId(), after.position()))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new OutboxBacklog(row.getLong(0), row.getOffsetDateTime(1));
                });
    }

    /** Moves the checkpoint to {@code to}, counting {@code published} more rows as published. */
    public Uni<Void> advance(SqlClient client, PublicationPoint to, long published) {
        return client.preparedQuery("UPDATE outbox_checkpoint SET last_transaction_id = $1::text::xid8, "
                        + "last_position = $2, published_events = published_events + $3, updated_at = now() "
                        + "WHERE relay = 'kafka'")
                .execute(Tuple.of(to.transactionId(), to.position(), published))
                .replaceWithVoid();
    }

    /** Records an audit's outcome: every row at or before {@code verified} is published; {@code published} rows in all. */
    public Uni<Void> verified(SqlClient client, PublicationPoint verified, long published) {
        return client.preparedQuery("UPDATE outbox_checkpoint SET verified_transaction_id = $1::text::xid8, "
                        + "verified_position = $2, published_events = $3, verified_at = now() WHERE relay = 'kafka'")
                .execute(Tuple.of(verified.transactionId(), verified.position(), published))
                .replaceWithVoid();
    }

    /** Takes the relay's leadership for the current transaction, or answers false when another pass holds it. */
    public Uni<Boolean> tryLead(SqlClient client) {
        return client.preparedQuery("SELECT pg_try_advisory_xact_lock($1)").execute(Tuple.of(OutboxRelay.RELAY_LOCK))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    /** Waits for the relay's leadership for the current transaction. */
    public Uni<Void> lead(SqlClient client) {
        return client.preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(OutboxRelay.RELAY_LOCK))
                .replaceWithVoid();
    }

    private static List<PendingEvent> toPending(RowSet<Row> rows) {
        List<PendingEvent> events = new ArrayList<>(rows.rowCount());
        rows.forEach(row -> events.add(new PendingEvent(
                new PublicationPoint(row.getString("transaction_text"), row.getLong("position")), EventStore.toEvent(row),
                row.getString("trace_parent"))));
        return events;
    }

    /** The rows at or before a point, and the oldest running transaction id in the counting snapshot. */
    public record CountedStore(long events, String snapshotXmin) {
    }
}
