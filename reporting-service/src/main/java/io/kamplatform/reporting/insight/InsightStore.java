package io.kamplatform.reporting.insight;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The SQL of insights (migration V7): recorded conclusions, the causes since, and the insight outbox. */
@ApplicationScoped
public class InsightStore {

    /** Arbitrary but fixed: one pass at a time across the instances sharing the database ("KAMIN"). */
    static final long PASS_LOCK = 0x4B414D494EL;
    /** The relay's lock ("KAMIR"). */
    static final long RELAY_LOCK = 0x4B414D4952L;

    /** Conclusions as recorded: the JSON document, the account version they rest on, and the pass that recorded them. */
    public record Recorded(String kind, String subject, long version, String conclusions, Instant assessedAt) {
    }

    /** An outbox row ready to publish. */
    public record Pending(String insightId, String type, String key, Instant occurredAt, String payload) {
    }

    /** The unpublished rows and the age of the oldest of them (seconds; 0 when none). */
    public record Backlog(long rows, double oldestSeconds) {
    }

    private final Pool pool;

    public InsightStore(Pool pool) {
        this.pool = pool;
    }

    Pool pool() {
        return pool;
    }

    /** Waits for the pass's lock for the current transaction. */
    Uni<Void> lockPass(SqlClient tx) {
        return tx.preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(PASS_LOCK)).replaceWithVoid();
    }

    /** Every recorded conclusion, by (kind, subject) as {@code kind + "/" + subject}. */
    Uni<Map<String, Recorded>> recorded(SqlClient tx) {
        return tx.query("SELECT kind, subject, version, conclusions, assessed_at FROM insight_conclusions").execute().map(rows -> {
            Map<String, Recorded> map = new HashMap<>(rows.rowCount() * 2);
            for (Row r : rows) {
                Recorded rec = new Recorded(r.getString("kind"), r.getString("subject"), r.getLong("version"),
                        r.getString("conclusions"), r.getOffsetDateTime("assessed_at").toInstant());
                map.put(rec.kind() + "/" + rec.subject(), rec);
            }
            return map;
        });
    }

    /**
     * The latest {@code fresh} facts projected for each account (at most {@code max}), oldest first: the facts projected
     * since its conclusions were recorded at an earlier version.
     */
    Uni<Map<String, List<Cause>>> causes(SqlClient tx, Map<String, Integer> fresh, int max) {
        if (fresh.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        String[] ids = fresh.keySet().toArray(String[]::new);
        Integer[] counts = new Integer[ids.length];
        for (int i = 0; i < ids.length; i++) {
            counts[i] = Math.min(max, fresh.get(ids[i]));
        }
        return tx.preparedQuery("SELECT n.account_id, f.event_id, f.event_type FROM unnest($1::text[], $2::int[]) "
                        + "AS n(account_id, fresh) CROSS JOIN LATERAL (SELECT event_id, event_type, projected_at FROM account_facts f "
                        + "WHERE f.account_id = n.account_id ORDER BY f.projected_at DESC, f.event_id DESC LIMIT n.fresh) f "
                        + "ORDER BY n.account_id, f.projected_at, f.event_id")
                .execute(Tuple.of(ids, counts))
                .map(rows -> {
                    Map<String, List<Cause>> causes = new HashMap<>();
                    for (Row r : rows) {
                        causes.computeIfAbsent(r.getString("account_id"), a -> new ArrayList<>())
                                .add(new Cause(r.getString("event_id"), r.getString("event_type")));
                    }
                    return causes;
                });
    }

    /** Records conclusions (insert or replace). */
    Uni<Void> record(SqlClient tx, List<Recorded> rows, Instant at) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = rows.size();
        String[] kinds = new String[n];
        String[] subjects = new String[n];
        Long[] versions = new Long[n];
        String[] docs = new String[n];
        for (int i = 0; i < n; i++) {
            kinds[i] = rows.get(i).kind();
            subjects[i] = rows.get(i).subject();
            versions[i] = rows.get(i).version();
            docs[i] = rows.get(i).conclusions();
        }
        return tx.preparedQuery("INSERT INTO insight_conclusions (kind, subject, version, conclusions, assessed_at) "
                        + "SELECT k, s, v, c, $5 FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[]) AS t(k, s, v, c) "
                        + "ON CONFLICT (kind, subject) DO UPDATE SET version = excluded.version, "
                        + "conclusions = excluded.conclusions, assessed_at = excluded.assessed_at")
                .execute(Tuple.of(kinds, subjects, versions, docs, utc(at)))
                .replaceWithVoid();
    }

    /** Adds insights to the outbox; an id already there is left alone. The ids and types actually added. */
    Uni<List<String[]>> add(SqlClient tx, List<Insight> insights, List<String> payloads) {
        if (insights.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        int n = insights.size();
        String[] ids = new String[n];
        String[] types = new String[n];
        String[] keys = new String[n];
        OffsetDateTime[] at = new OffsetDateTime[n];
        String[] docs = new String[n];
        for (int i = 0; i < n; i++) {
            Insight insight = insights.get(i);
            ids[i] = insight.insightId();
            types[i] = insight.type().name();
            keys[i] = insight.key();
            at[i] = utc(insight.occurredAt());
            docs[i] = payloads.get(i);
        }
        return tx.preparedQuery("INSERT INTO insight_outbox (insight_id, insight_type, record_key, occurred_at, payload) "
                        + "SELECT i, ty, k, o, p FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[]) "
                        + "WITH ORDINALITY AS t(i, ty, k, o, p, ord) ORDER BY ord "
                        + "ON CONFLICT (insight_id) DO NOTHING RETURNING insight_id, insight_type")
                .execute(Tuple.of(ids, types, keys, at, docs))
                .map(rows -> {
                    List<String[]> added = new ArrayList<>();
                    rows.forEach(r -> added.add(new String[] {r.getString(0), r.getString(1)}));
                    return added;
                });
    }

    /** Takes the relay's lock for the current transaction, or answers false when another relay holds it. */
    Uni<Boolean> tryLeadRelay(SqlClient tx) {
        return tx.preparedQuery("SELECT pg_try_advisory_xact_lock($1)").execute(Tuple.of(RELAY_LOCK))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    /**
     * Up to {@code limit} unpublished rows of transactions older than every transaction still running, in commit-safe
     * order: a row of a transaction that commits later can never belong before them.
     */
    Uni<List<Pending>> publishable(SqlClient tx, int limit) {
        return tx.preparedQuery("SELECT insight_id, insight_type, record_key, occurred_at, payload FROM insight_outbox "
                        + "WHERE published_at IS NULL AND transaction_id < pg_snapshot_xmin(pg_current_snapshot()) "
                        + "ORDER BY transaction_id, position LIMIT $1")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<Pending> list = new ArrayList<>(rows.rowCount());
                    for (Row r : rows) {
                        list.add(new Pending(r.getString(0), r.getString(1), r.getString(2),
                                r.getOffsetDateTime(3).toInstant(), r.getString(4)));
                    }
                    return list;
                });
    }

    Uni<Void> published(SqlClient tx, List<String> ids) {
        return tx.preparedQuery("UPDATE insight_outbox SET published_at = now() WHERE insight_id = ANY($1)")
                .execute(Tuple.of((Object) ids.toArray(String[]::new))).replaceWithVoid();
    }

    Uni<Backlog> backlog() {
        return pool.query("SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 "
                        + "FROM insight_outbox WHERE published_at IS NULL").execute()
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new Backlog(r.getLong(0), r.getDouble(1));
                });
    }

    /** How many facts are projected, and their versions summed: unchanged between two looks = nothing projected since. */
    Uni<String> fingerprint() {
        return pool.query("SELECT count(*)::text || '/' || coalesce(sum(version), 0)::text FROM accounts").execute()
                .map(rows -> rows.iterator().next().getString(0));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
