package io.kamplatform.reporting.webhook;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Subscriptions, deliveries and their attempts (migration V8). */
@ApplicationScoped
public class WebhookStore {

    /** A delivery to send: claimed by this instance until its lease ends. */
    public record Claimed(UUID id, UUID subscriptionId, String url, String secretEncrypted, String body, String insightId,
                          String insightType, int attempts, int totalAttempts) {
    }

    /** A delivery to insert for a matching subscription. */
    public record NewDelivery(UUID subscriptionId, Insight insight, String body) {
    }

    /** One attempt as logged. */
    public record Attempt(int attempt, Instant attemptedAt, long durationMs, Integer statusCode, String error) {
    }

    /** A delivery in the log. */
    public record Delivery(UUID id, long seq, String insightId, String insightType, String orderingKey, String status,
                           int attempts, int totalAttempts, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt,
                           Instant deadAt, Integer lastStatus, String lastError, List<Attempt> log) {
    }

    /** Per subscription: pending deliveries, the oldest one's creation, dead-lettered deliveries. */
    public record Backlog(UUID subscriptionId, long pending, Instant oldestPending, long dead) {
    }

    static final String SUBSCRIPTION_COLUMNS = "id, url, description, event_types, account_ids, manager_ids, bands, "
            + "enabled, created_at, updated_at";

    private final Pool pool;

    public WebhookStore(Pool pool) {
        this.pool = pool;
    }

    // --- subscriptions ---

    public Uni<Subscription> create(Subscription s, String secretEncrypted) {
        return pool.preparedQuery("INSERT INTO webhook_subscriptions (id, url, description, event_types, account_ids, "
                        + "manager_ids, bands, secret_encrypted, enabled) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
                        + "RETURNING " + SUBSCRIPTION_COLUMNS)
                .execute(Tuple.from(Arrays.asList(s.id(), s.url(), nullable(s.description()), array(s.eventTypes()),
                        array(s.accountIds()), array(s.managerIds()), array(s.bands()), secretEncrypted, s.enabled())))
                .map(rows -> subscription(rows.iterator().next()));
    }

    /** Replaces what the subscription is (not its id or creation); the secret only when {@code secretEncrypted} is given. */
    public Uni<Optional<Subscription>> update(Subscription s, String secretEncrypted) {
        return pool.preparedQuery("UPDATE webhook_subscriptions SET url = $2, description = $3, event_types = $4, "
                        + "account_ids = $5, manager_ids = $6, bands = $7, enabled = $8, "
                        + "secret_encrypted = coalesce($9, secret_encrypted), updated_at = now() WHERE id = $1 "
                        + "RETURNING " + SUBSCRIPTION_COLUMNS)
                .execute(Tuple.from(Arrays.asList(s.id(), s.url(), nullable(s.description()), array(s.eventTypes()),
                        array(s.accountIds()), array(s.managerIds()), array(s.bands()), s.enabled(), secretEncrypted)))
                .map(rows -> rows.rowCount() == 0 ? Optional.<Subscription>empty() : Optional.of(subscription(rows.iterator().next())));
    }

    public Uni<Boolean> delete(UUID id) {
        return pool.preparedQuery("DELETE FROM webhook_subscriptions WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.rowCount() > 0);
    }

    public Uni<Optional<Subscription>> find(UUID id) {
        return pool.preparedQuery("SELECT " + SUBSCRIPTION_COLUMNS + " FROM webhook_subscriptions WHERE id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.rowCount() == 0 ? Optional.<Subscription>empty() : Optional.of(subscription(rows.iterator().next())));
    }

    public Uni<List<Subscription>> list(int limit) {
        return pool.preparedQuery("SELECT " + SUBSCRIPTION_COLUMNS + " FROM webhook_subscriptions ORDER BY created_at, id LIMIT $1")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<Subscription> list = new ArrayList<>(rows.rowCount());
                    rows.forEach(r -> list.add(subscription(r)));
                    return list;
                });
    }

    public Uni<Long> count() {
        return pool.query("SELECT count(*) AS n FROM webhook_subscriptions").execute()
                .map(rows -> rows.iterator().next().getLong("n"));
    }

    /** Every subscription, enabled or paused (a paused one queues its deliveries). */
    public Uni<List<Subscription>> all() {
        return pool.query("SELECT " + SUBSCRIPTION_COLUMNS + " FROM webhook_subscriptions").execute()
                .map(rows -> {
                    List<Subscription> list = new ArrayList<>(rows.rowCount());
                    rows.forEach(r -> list.add(subscription(r)));
                    return list;
                });
    }

    // --- deliveries ---

    /** Inserts the deliveries not inserted before (same subscription and insight id); returns how many are new. */
    public Uni<Integer> enqueue(List<NewDelivery> deliveries) {
        if (deliveries.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        int n = deliveries.size();
        UUID[] ids = new UUID[n];
        UUID[] subscriptions = new UUID[n];
        String[] insightIds = new String[n];
        String[] types = new String[n];
        String[] keys = new String[n];
        String[] bodies = new String[n];
        for (int i = 0; i < n; i++) {
            NewDelivery d = deliveries.get(i);
            ids[i] = UUID.randomUUID();
            subscriptions[i] = d.subscriptionId();
            insightIds[i] = d.insight().id();
            types[i] = d.insight().type();
            keys[i] = d.insight().orderingKey();
            bodies[i] = d.body();
        }
        return pool.preparedQuery("INSERT INTO webhook_deliveries (id, subscription_id, insight_id, insight_type, "
                        + "ordering_key, body) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], "
                        + "$6::text[]) ON CONFLICT (subscription_id, insight_id) DO NOTHING")
                .execute(Tuple.of(ids, subscriptions, insightIds, types, keys, bodies))
                .map(rows -> rows.rowCount());
    }

    /**
     * Claims up to {@code limit} due deliveries, each the head (oldest pending) of its queue — per subscription and
     * ordering key — and not claimed by anyone now, for {@code lease}. A queue whose head waits (back-off) or is being
     * sent offers nothing: the deliveries behind it wait for it.
     */
    public Uni<List<Claimed>> claim(int limit, Duration lease) {
        return pool.preparedQuery("WITH heads AS (SELECT DISTINCT ON (d.subscription_id, d.ordering_key) d.id, "
                        + "d.next_attempt_at, d.locked_until FROM webhook_deliveries d JOIN webhook_subscriptions s "
                        + "ON s.id = d.subscription_id AND s.enabled WHERE d.status = 'PENDING' "
                        + "ORDER BY d.subscription_id, d.ordering_key, d.seq), "
                        + "due AS (SELECT id FROM heads WHERE next_attempt_at <= now() "
                        + "AND (locked_until IS NULL OR locked_until < now()) ORDER BY next_attempt_at LIMIT $1) "
                        + "UPDATE webhook_deliveries d SET locked_until = now() + make_interval(secs => $2) "
                        + "FROM due, webhook_subscriptions s WHERE d.id = due.id AND s.id = d.subscription_id "
                        + "AND d.status = 'PENDING' AND (d.locked_until IS NULL OR d.locked_until < now()) "
                        + "RETURNING d.id, d.subscription_id, s.url, s.secret_encrypted, d.body, d.insight_id, "
                        + "d.insight_type, d.attempts, d.total_attempts")
                .execute(Tuple.of(limit, (double) lease.toMillis() / 1000))
                .map(rows -> {
                    List<Claimed> list = new ArrayList<>(rows.rowCount());
                    rows.forEach(r -> list.add(new Claimed(r.getUUID("id"), r.getUUID("subscription_id"), r.getString("url"),
                            r.getString("secret_encrypted"), r.getString("body"), r.getString("insight_id"),
                            r.getString("insight_type"), r.getInteger("attempts"), r.getInteger("total_attempts"))));
                    return list;
                });
    }

    /**
     * Logs an attempt and moves the delivery on, in one transaction: {@code status} DELIVERED, DEAD, or PENDING with
     * the next attempt after {@code retryIn}. The claim ends.
     */
    public Uni<Void> attempted(Claimed delivery, Attempt attempt, String status, Duration retryIn) {
        return pool.withTransaction(conn -> conn.preparedQuery("INSERT INTO webhook_attempts (delivery_id, attempt, "
                                + "attempted_at, duration_ms, status_code, error) VALUES ($1, $2, $3, $4, $5, $6) "
                                + "ON CONFLICT (delivery_id, attempt) DO NOTHING")
                        .execute(Tuple.from(Arrays.asList(delivery.id(), attempt.attempt(), utc(attempt.attemptedAt()),
                                attempt.durationMs(), attempt.statusCode(), attempt.error())))
                        .chain(() -> conn.preparedQuery("UPDATE webhook_deliveries SET attempts = attempts + 1, "
                                        + "total_attempts = $2, status = $3, locked_until = NULL, "
                                        + "next_attempt_at = now() + make_interval(secs => $4), "
                                        + "delivered_at = CASE WHEN $3 = 'DELIVERED' THEN now() END, "
                                        + "dead_at = CASE WHEN $3 = 'DEAD' THEN now() END, last_status = $5, last_error = $6 "
                                        + "WHERE id = $1")
                                .execute(Tuple.from(Arrays.asList(delivery.id(), attempt.attempt(), status,
                                        (double) retryIn.toMillis() / 1000, attempt.statusCode(), attempt.error())))))
                .replaceWithVoid();
    }

    /** Ends this instance's claims on deliveries it will not send (shutting down). */
    public Uni<Void> release(List<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().voidItem()
                : pool.preparedQuery("UPDATE webhook_deliveries SET locked_until = NULL WHERE id = ANY($1) AND status = 'PENDING'")
                        .execute(Tuple.of(ids.toArray(UUID[]::new))).replaceWithVoid();
    }

    /** The delivery log of a subscription, newest first, with every attempt; {@code status} null for all. */
    public Uni<List<Delivery>> deliveries(UUID subscriptionId, String status, int limit, int offset) {
        return pool.preparedQuery("SELECT id, seq, insight_id, insight_type, ordering_key, status, attempts, total_attempts, "
                        + "created_at, next_attempt_at, delivered_at, dead_at, last_status, last_error FROM webhook_deliveries "
                        + "WHERE subscription_id = $1 AND ($2::text IS NULL OR status = $2) ORDER BY seq DESC LIMIT $3 OFFSET $4")
                .execute(Tuple.from(Arrays.asList(subscriptionId, status, limit, offset)))
                .chain(rows -> {
                    Map<UUID, Row> byId = new LinkedHashMap<>();
                    rows.forEach(r -> byId.put(r.getUUID("id"), r));
                    if (byId.isEmpty()) {
                        return Uni.createFrom().item(List.<Delivery>of());
                    }
                    return pool.preparedQuery("SELECT delivery_id, attempt, attempted_at, duration_ms, status_code, error "
                                    + "FROM webhook_attempts WHERE delivery_id = ANY($1) ORDER BY delivery_id, attempt")
                            .execute(Tuple.of(byId.keySet().toArray(UUID[]::new)))
                            .map(attempts -> {
                                Map<UUID, List<Attempt>> logs = new LinkedHashMap<>();
                                attempts.forEach(a -> logs.computeIfAbsent(a.getUUID("delivery_id"), k -> new ArrayList<>())
                                        .add(new Attempt(a.getInteger("attempt"), instant(a, "attempted_at"),
                                                a.getLong("duration_ms"), a.getInteger("status_code"), a.getString("error"))));
                                List<Delivery> list = new ArrayList<>(byId.size());
                                byId.forEach((id, r) -> list.add(new Delivery(id, r.getLong("seq"), r.getString("insight_id"),
                                        r.getString("insight_type"), r.getString("ordering_key"), r.getString("status"),
                                        r.getInteger("attempts"), r.getInteger("total_attempts"), instant(r, "created_at"),
                                        "PENDING".equals(r.getString("status")) ? instant(r, "next_attempt_at") : null,
                                        instant(r, "delivered_at"), instant(r, "dead_at"), r.getInteger("last_status"),
                                        r.getString("last_error"), logs.getOrDefault(id, List.of()))));
                                return list;
                            });
                });
    }

    /** Puts dead-lettered deliveries of the subscription (one, or all when {@code deliveryId} is null) back in their queues. */
    public Uni<Integer> redrive(UUID subscriptionId, UUID deliveryId) {
        return pool.preparedQuery("UPDATE webhook_deliveries SET status = 'PENDING', attempts = 0, next_attempt_at = now(), "
                        + "locked_until = NULL, dead_at = NULL WHERE subscription_id = $1 AND status = 'DEAD' "
                        + "AND ($2::uuid IS NULL OR id = $2)")
                .execute(Tuple.from(Arrays.asList(subscriptionId, deliveryId)))
                .map(rows -> rows.rowCount());
    }

    /** The id of the subscription's delivery of an insight. */
    public Uni<UUID> deliveryOf(UUID subscriptionId, String insightId) {
        return pool.preparedQuery("SELECT id FROM webhook_deliveries WHERE subscription_id = $1 AND insight_id = $2")
                .execute(Tuple.of(subscriptionId, insightId))
                .map(rows -> rows.iterator().next().getUUID("id"));
    }

    /** The status of one delivery of the subscription, if it has it. */
    public Uni<Optional<String>> statusOf(UUID subscriptionId, UUID deliveryId) {
        return pool.preparedQuery("SELECT status FROM webhook_deliveries WHERE subscription_id = $1 AND id = $2")
                .execute(Tuple.of(subscriptionId, deliveryId))
                .map(rows -> rows.rowCount() == 0 ? Optional.<String>empty() : Optional.of(rows.iterator().next().getString("status")));
    }

    public Uni<List<Backlog>> backlog() {
        return pool.query("SELECT s.id, count(d.id) FILTER (WHERE d.status = 'PENDING') AS pending, "
                        + "min(d.created_at) FILTER (WHERE d.status = 'PENDING') AS oldest, "
                        + "count(d.id) FILTER (WHERE d.status = 'DEAD') AS dead FROM webhook_subscriptions s "
                        + "LEFT JOIN webhook_deliveries d ON d.subscription_id = s.id AND d.status <> 'DELIVERED' GROUP BY s.id")
                .execute()
                .map(rows -> {
                    List<Backlog> list = new ArrayList<>(rows.rowCount());
                    rows.forEach(r -> list.add(new Backlog(r.getUUID("id"), r.getLong("pending"), instant(r, "oldest"),
                            r.getLong("dead"))));
                    return list;
                });
    }

    private static Subscription subscription(Row r) {
        return new Subscription(r.getUUID("id"), r.getString("url"), r.getString("description"), list(r, "event_types"),
                list(r, "account_ids"), list(r, "manager_ids"), list(r, "bands"), r.getBoolean("enabled"),
                instant(r, "created_at"), instant(r, "updated_at"));
    }

    private static List<String> list(Row r, String column) {
        String[] values = r.getArrayOfStrings(column);
        return values == null ? List.of() : List.of(values);
    }

    private static String[] array(List<String> values) {
        return values.toArray(String[]::new);
    }

    private static Object nullable(Object value) {
        return value;
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }
}
