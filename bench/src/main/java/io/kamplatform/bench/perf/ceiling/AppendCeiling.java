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
 * bench_append}) made from the service-kit migrations, whose streams are seeded as long as the portfolio's account
 * streams, each pgbench client writing to its own streams (as each W1 client writes to its own accounts).
 */
public final class AppendCeiling {

    public static final String DATABASE = "bench_append";
    static final int STREAMS_PER_CLIENT = 20;
    static final int STREAMS_PER_BATCH = 10;
    private static final String COLUMNS = "position, event_id, stream_id, subject, version, event_type, "
            + "schema_version, payload::text AS payload, occurred_at, recorded_at, request_hash";
    private static final String PAYLOAD = "{\"month\": \"2020-12\", \"revenue\": {\"amount\": \"12345.67\", \"currency\": "
            + "\"EUR\"}, \"reference\": \"INV-P7-000123-2020-12\", \"costOfSales\": {\"amount\": \"9876.54\", \"currency\": \"EUR\"}}";
    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private final PgBench pgbench;

    public AppendCeiling(PgBench pgbench) {
        this.pgbench = pgbench;
    }

    /** (Re)creates the database from service-kit's event-store migrations and seeds every client's streams. */
    public void prepare(Connection admin, Connection database, Path repo, int maxClients, int streamLength)
            throws SQLException, IOException {
        try (Statement s = database.createStatement()) {
            for (Path migration : migrations(repo)) {
                s.execute(Files.readString(migration));
            }
            s.execute("ALTER TABLE event_store DISABLE TRIGGER event_store_no_update_delete");
            s.execute("INSERT INTO event_store (event_id, stream_id, subject, version, event_type, schema_version, payload, "
                    + "occurred_at, request_hash) SELECT 'seed-' || c || '-' || a || '-' || v, 'pgb-' || c || '-' || a, "
                    + "'pgb-' || c || '-' || a, v, 'RevenueRecognized', 1, '" + PAYLOAD + "'::jsonb, now(), '" + HASH + "' "
                    + "FROM generate_series(0, " + (maxClients - 1) + ") c, generate_series(0, " + (STREAMS_PER_CLIENT - 1)
                    + ") a, generate_series(1, " + streamLength + ") v");
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
        return pgbench.run("append-single-c" + clients, DATABASE, script(1, 1), clients, seconds, 1, Map.of());
    }

    /** 100 events over 10 streams per transaction, as a batch of 100 records them. */
    public Measurement batch(int clients, int seconds, int size) throws IOException, InterruptedException {
        return pgbench.run("append-batch-c" + clients, DATABASE, script(size, STREAMS_PER_BATCH), clients, seconds, size,
                Map.of());
    }

    static String script(int events, int streams) {
        StringBuilder sql = new StringBuilder();
        sql.append("\\set n random(1, 1000000000000000)\n");
        // single: one of the client's streams; batch: the first or the second ten of them
        sql.append(streams == 1 ? "\\set a random(0, " + (STREAMS_PER_CLIENT - 1) + ")\n"
                : "\\set a " + STREAMS_PER_BATCH + " * random(0, " + (STREAMS_PER_CLIENT / STREAMS_PER_BATCH - 1) + ")\n");
        sql.append("BEGIN;\n");
        String ids = IntStream.range(0, events).mapToObj(k -> "'pg-' || :n || '-" + k + "'").collect(Collectors.joining(", "));
        sql.append("SELECT ").append(COLUMNS).append(" FROM event_store WHERE event_id = ANY(ARRAY[").append(ids).append("]);\n");
        String streamIds = IntStream.range(0, streams).mapToObj(s -> stream(s)).collect(Collectors.joining(", "));
        sql.append("SELECT ").append(COLUMNS).append(" FROM event_store WHERE stream_id = ANY(ARRAY[").append(streamIds)
                .append("]) ORDER BY stream_id, version;\n");
        sql.append("SELECT DISTINCT stream_id FROM event_store WHERE event_type = 'AccountRegistered' AND stream_id = ANY('{}'::text[]);\n");
        if (events > 1) {
            sql.append("\\startpipeline\n");
        }
        for (int k = 0; k < events; k++) {
            String stream = stream(k % streams);
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

    private static String stream(int offset) {
        return "('pgb-' || :client_id || '-' || (:a + " + offset + "))";
    }
}
