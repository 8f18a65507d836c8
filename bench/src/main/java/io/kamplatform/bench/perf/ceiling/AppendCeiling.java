package io.kamplatform.bench.perf.ceiling;

import io.kamplatform.bench.perf.load.Measurement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * W1's database ceiling: what PostgreSQL itself does with the statements account-service runs to record events
 * ({@code AccountEventRecorder} + service-kit's {@code EventStore}), in one transaction each: find the event ids
 * (idempotency), load the account streams, look for registered parents, then the INSERT ... RETURNING of every event,
 * sent as one pipeline as the reactive client's executeBatch does. It runs in a database of its own ({@code
 * bench_append}) made from the service-kit migrations, seeded with as many streams as the portfolio has accounts, each
 * as long as the portfolio's average account stream. As W1's clients do, pgbench client {@code c} of {@code N} writes
 * only to streams {@code c, c + N, c + 2N, ...} (no two clients share a stream), picked at random, so the streams grow
 * about as slowly as the portfolio's accounts do. (An earlier version seeded 20 streams per client: every measurement
 * added hundreds of events to each, the "load the streams" SELECT read ever longer streams and the batch ceiling fell
 * below the service itself.)
 */
public final class AppendCeiling {

    public static final String DATABASE = "bench_append";
    public static final int STREAMS_PER_BATCH = 10;
    private static final String COLUMNS = "position, event_id, stream_id, subject, version, event_type, "
            + "schema_version, payload::text AS payload, occurred_at, recorded_at, request_hash";
    private static final String PAYLOAD = "{\"month\": \"2020-12\", \"revenue\": {\"amount\": \"12345.67\", \"currency\": "
            + "\"EUR\"}, \"reference\": \"INV-P7-000123-2020-12\", \"costOfSales\": {\"amount\": \"9876.54\", \"currency\": \"EUR\"}}";
    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private final PgBench pgbench;

    public AppendCeiling(PgBench pgbench) {
        this.pgbench = pgbench;
    }

    private int streams;

    /** (Re)creates the database from service-kit's event-store migrations and seeds {@code streams} streams. */
    public void prepare(Connection admin, Connection database, Path repo, int streams, int streamLength)
            throws SQLException, IOException {
        this.streams = streams;
        try (Statement s = database.createStatement()) {
            for (Path migration : migrations(repo)) {
                s.execute(Files.readString(migration));
            }
            s.execute("ALTER TABLE event_store DISABLE TRIGGER event_store_no_update_delete");
            s.execute("INSERT INTO event_store (event_id, stream_id, subject, version, event_type, schema_version, payload, "
                    + "occurred_at, request_hash) SELECT 'seed-' || a || '-' || v, 'pgb-' || a, 'pgb-' || a, v, "
                    + "'RevenueRecognized', 1, '" + PAYLOAD + "'::jsonb, now(), '" + HASH + "' "
                    + "FROM generate_series(0, " + (streams - 1) + ") a, generate_series(1, " + streamLength + ") v");
            s.execute("ALTER TABLE event_store ENABLE TRIGGER event_store_no_update_delete");
            s.execute("VACUUM ANALYZE event_store");
        }
    }

    static List<Path> migrations(Path repo) throws IOException {
        try (Stream<Path> files = Files.list(repo.resolve("service-kit/src/main/resources/db/event-store"))) {
            return files.filter(p -> p.toString().endsWith(".sql"))
                    .sorted((a, b) -> Integer.compare(version(a), version(b))).toList();
        }
    }

    private static int version(Path migration) {
        String name = migration.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    /** One event per transaction, as a single POST records it. */
    public Measurement single(int clients, int seconds) throws IOException, InterruptedException {
        return pgbench.run("append-single-c" + clients, DATABASE, script(1, 1, clients, streams), clients, seconds, 1,
                Map.of());
    }

    /** 100 events over 10 streams per transaction, as a batch of 100 records them. */
    public Measurement batch(int clients, int seconds, int size) throws IOException, InterruptedException {
        return pgbench.run("append-batch-c" + clients, DATABASE, script(size, STREAMS_PER_BATCH, clients, streams), clients,
                seconds, size, Map.of());
    }

    /** The pgbench script: client {@code :client_id} of {@code clients} owns streams client_id + clients * k. */
    static String script(int events, int streams, int clients, int pool) {
        StringBuilder sql = new StringBuilder();
        sql.append("\\set n random(1, 1000000000000000)\n");
        int owned = Math.max(streams, pool / clients);
        // k: the first of the client's streams this transaction writes to (streams k .. k + streams - 1 of its own)
        sql.append("\\set k random(0, " + Math.max(0, owned - streams) + ")\n");
        sql.append("BEGIN;\n");
        String ids = IntStream.range(0, events).mapToObj(k -> "'pg-' || :n || '-" + k + "'").collect(Collectors.joining(", "));
        sql.append("SELECT ").append(COLUMNS).append(" FROM event_store WHERE event_id = ANY(ARRAY[").append(ids).append("]);\n");
        String streamIds = IntStream.range(0, streams).mapToObj(s -> stream(s, clients)).collect(Collectors.joining(", "));
        sql.append("SELECT ").append(COLUMNS).append(" FROM event_store WHERE stream_id = ANY(ARRAY[").append(streamIds)
                .append("]) ORDER BY stream_id, version;\n");
        sql.append("SELECT DISTINCT stream_id FROM event_store WHERE event_type = 'AccountRegistered' AND stream_id = ANY('{}'::text[]);\n");
        if (events > 1) {
            sql.append("\\startpipeline\n");
        }
        for (int k = 0; k < events; k++) {
            String stream = stream(k % streams, clients);
            sql.append("INSERT INTO event_store (event_id, stream_id, subject, version, event_type, schema_version, payload, "
                    + "occurred_at, request_hash) VALUES ('pg-' || :n || '-").append(k).append("', ").append(stream)
                    .append(", ").append(stream).append(", (SELECT coalesce(max(version), 0) + 1 FROM event_store WHERE stream_id = ")
                    .append(stream).append("), 'RevenueRecognized', 1, '").append(PAYLOAD).append("'::jsonb, now(), '")
                    .append(HASH).append("') RETURNING ").append(COLUMNS).append(";\n");
        }
        if (events > 1) {
            sql.append("\\endpipeline\n");
        }
        sql.append("COMMIT;\n");
        return sql.toString();
    }

    private static String stream(int offset, int clients) {
        return "('pgb-' || (:client_id + " + clients + " * (:k + " + offset + ")))";
    }
}
