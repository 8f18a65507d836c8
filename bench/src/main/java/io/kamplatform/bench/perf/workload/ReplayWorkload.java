package io.kamplatform.bench.perf.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kamplatform.bench.perf.BenchContext;
import io.kamplatform.bench.perf.ceiling.KafkaPerf;
import io.kamplatform.bench.perf.load.CpuUse;
import io.kamplatform.bench.perf.portfolio.PortfolioGenerator;
import io.kamplatform.bench.perf.report.Row;
import io.kamplatform.bench.platform.JvmProcess;
import io.kamplatform.bench.reliability.Verification;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * W3: replay every event on the topics into fresh read models. reporting-service has no rebuild endpoint yet, so a
 * second instance starts on an empty database ({@value #DATABASE}) in a new consumer group and is timed until it holds
 * every event the live one holds; when {@code GET /api/admin/read-models/rebuild} answers, the endpoint is used instead.
 * The rebuilt views must equal the live ones (the facts, compared by checksum, and a portfolio report). Ceilings:
 * Kafka's consumer perf tool reading the same topics, and a bulk insert of the final rows.
 */
public final class ReplayWorkload {

    static final String DATABASE = "bench_replay";
    static final String REBUILD = "/api/admin/read-models/rebuild";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Order-independent checksum of the projected facts: what a report is computed from. */
    private static final String CHECKSUM = "SELECT count(*) || ':' || coalesce(sum(hashtextextended(source || '|' || event_id "
            + "|| '|' || account_id || '|' || event_type || '|' || occurred_at::text || '|' || coalesce(stream_version, -1) "
            + "|| '|' || data::text, 0)::numeric), 0) FROM account_facts";
    private static final String REPORT = "/api/reports/portfolio/dependency-risk?asOf=" + PortfolioGenerator.AS_OF;

    private final BenchContext ctx;
    private final KafkaPerf kafka;

    public ReplayWorkload(BenchContext ctx, KafkaPerf kafka) {
        this.ctx = ctx;
        this.kafka = kafka;
    }

    /** The replaying instance's start to first 200, for W5 (NaN when the endpoint was used). */
    public double run() throws Exception {
        long live = Databases.single(ctx, "reporting", "SELECT count(*) FROM account_facts");
        HttpResponse<String> probe = ctx.http().get(ctx.url(2, REBUILD), ctx.adminToken());
        boolean endpoint = probe.statusCode() == 200;
        ctx.section("W3 replay of %,d events into fresh read models (%s)".formatted(live, endpoint
                ? "POST " + REBUILD : "a second reporting-service on an empty database, new consumer group"));
        Replay replay = endpoint ? viaEndpoint(live) : viaSecondInstance(live);
        double consumer = consumerCeiling();
        double bulk = bulkInsertCeiling(endpoint ? "reporting" : DATABASE);
        if (!endpoint) {
            Databases.drop(ctx, DATABASE);
        }
        double ceiling = Math.min(consumer, bulk);
        ctx.out().printf("    replay %,.0f events/s (%,d events in %.1f s after the first was stored; %.1f s in all), views %s;"
                + " Kafka consumer perf %,.0f msg/s, bulk insert %,.0f rows/s%n", replay.rate(), replay.events(),
                replay.seconds(), replay.totalSeconds(), replay.equal() ? "equal" : "DIFFERENT: " + replay.difference(),
                consumer, bulk);
        ctx.results().add(new Row("W3", "replay (" + (endpoint ? "rebuild endpoint" : "second instance") + ")",
                "%,.0f events/s (%,d events, %.0f s; views %s)".formatted(replay.rate(), replay.events(), replay.seconds(),
                        replay.equal() ? "equal" : "DIFFER"), replay.rate(), "events/s",
                "Kafka consumer %,.0f msg/s; bulk insert %,.0f rows/s".formatted(consumer, bulk), ceiling,
                Row.share(replay.rate(), ceiling) + " of the lower", "≥ 20,000 events/s, views equal",
                replay.rate() >= 20_000 && replay.equal(), replay.equal() ? null : replay.difference()));
        return replay.startSeconds();
    }

    record Replay(long events, double seconds, double totalSeconds, double startSeconds, boolean equal, String difference) {
        double rate() {
            return events / seconds;
        }
    }

    private Replay viaSecondInstance(long live) throws Exception {
        Databases.recreate(ctx, DATABASE);
        int port = ctx.extraPort(0);
        Map<String, String> env = ServiceEnvironment.of(ctx, port, DATABASE, "bench-replay-" + ctx.runId());
        Path log = ctx.workDir().resolve("logs/reporting-replay.log");
        try (JvmProcess replica = JvmProcess.start(ServiceEnvironment.jar(ctx, "reporting-service"), env, log)) {
            long spawned = System.nanoTime();
            CpuUse cpu = CpuUse.start(Map.of("replaying reporting-service", replica.pid(), "postgres",
                    ctx.platform().pid("postgres"), "kafka", ctx.platform().pid("kafka")));
            double ready = Double.NaN;
            long firstAt = 0;
            long firstCount = 0;
            long count = 0;
            long deadline = spawned + ctx.options().replayMinutes() * 60_000_000_000L;
            long lastPrint = spawned;
            while (count < live) {
                if (System.nanoTime() > deadline) {
                    ctx.out().printf("    stopped waiting after %d minutes (--replay-minutes): %,d of %,d replayed%n",
                            ctx.options().replayMinutes(), count, live);
                    ctx.out().println("    during the replay: " + cpu.describe());
                    return new Replay(count - firstCount, (System.nanoTime() - firstAt) / 1e9,
                            (System.nanoTime() - spawned) / 1e9, ready, false, "replay incomplete after "
                            + ctx.options().replayMinutes() + " min (" + count + " of " + live + "): views not compared");
                }
                Thread.sleep(250);
                count = Math.max(0, Databases.single(ctx, DATABASE, "SELECT count(*) FROM account_facts"));
                if (count > 0 && firstAt == 0) {
                    firstAt = System.nanoTime();
                    firstCount = count;
                }
                if (Double.isNaN(ready) && ready(port)) {
                    ready = (System.nanoTime() - spawned) / 1e9;
                }
                if (System.nanoTime() - lastPrint > 10_000_000_000L) {
                    lastPrint = System.nanoTime();
                    ctx.out().printf("    replayed %,d of %,d%n", count, live);
                }
            }
            long done = System.nanoTime();
            ctx.out().println("    during the replay: " + cpu.describe());
            if (Double.isNaN(ready)) {
                ready = replica.awaitFirst200("http://localhost:" + port + "/q/health/ready", Duration.ofMinutes(2));
            }
            String liveSum = Databases.text(ctx, "reporting", CHECKSUM);
            String rebuiltSum = Databases.text(ctx, DATABASE, CHECKSUM);
            String liveReport = report(ctx.url(2, REPORT));
            String rebuiltReport = report("http://localhost:" + port + REPORT);
            String reportDifference = ReportDifference.of(liveReport, rebuiltReport);
            boolean equal = liveSum.equals(rebuiltSum) && reportDifference == null;
            String difference = !liveSum.equals(rebuiltSum) ? "facts checksum " + rebuiltSum + " vs live " + liveSum
                    : reportDifference;
            return new Replay(live - firstCount, (done - firstAt) / 1e9, (done - spawned) / 1e9, ready, equal, difference);
        }
    }

    private boolean ready(int port) {
        try {
            return ctx.http().get("http://localhost:" + port + "/q/health/ready", null).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * The rebuild endpoint (being added to reporting-service by issue 13): {@code POST} starts a rebuild, {@code GET}
     * answers its progress as a JSON object. Its shape is not settled, so it is read loosely (see {@link Progress}):
     * <ul>
     *   <li>a state in {@code state}, {@code status} or {@code phase} (any case): {@code DONE}, {@code COMPLETE(D)},
     *       {@code FINISHED}, {@code SUCCEEDED} or {@code SWITCHED} end the run; {@code FAILED}, {@code ERROR} or
     *       {@code ABORTED} fail it; {@code IDLE} (or {@code running: false}) ends it only once the rebuild was seen
     *       running or the answer carries a count of replayed events, so the GET right after the POST cannot end the
     *       timing before the rebuild began;</li>
     *   <li>a count of replayed events, if any, in the first of {@code eventsReplayed}, {@code replayed},
     *       {@code events}, {@code processed}, {@code applied}, {@code records} (at the top level or under
     *       {@code progress}); without one the live read model's count is used.</li>
     * </ul>
     * Timed from the POST to the first answer that ends the run; the views are compared with the report before it.
     */
    private Replay viaEndpoint(long live) throws Exception {
        String before = report(ctx.url(2, REPORT));
        long start = System.nanoTime();
        HttpResponse<String> started = ctx.http().post(ctx.url(2, REBUILD), ctx.adminToken(), "{}");
        if (started.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + REBUILD + " answered " + started.statusCode() + ": " + started.body());
        }
        long deadline = start + ctx.options().replayMinutes() * 60_000_000_000L;
        long lastPrint = start;
        boolean seenRunning = false;
        Progress progress;
        while (true) {
            Thread.sleep(250);
            progress = Progress.of(JSON.readTree(ctx.http().get(ctx.url(2, REBUILD), ctx.adminToken()).body()));
            seenRunning |= progress.running();
            if (progress.failed()) {
                throw new IllegalStateException("the rebuild failed: " + progress.json());
            }
            if (progress.finished(seenRunning)) {
                break;
            }
            if (System.nanoTime() > deadline) {
                double seconds = (System.nanoTime() - start) / 1e9;
                ctx.out().printf("    stopped waiting after %d minutes (--replay-minutes): %s%n", ctx.options().replayMinutes(),
                        progress.json());
                long replayed = Math.max(0, progress.replayed());
                return new Replay(replayed, seconds, seconds, Double.NaN, false, "rebuild incomplete after "
                        + ctx.options().replayMinutes() + " min (" + replayed + " events): views not compared");
            }
            if (System.nanoTime() - lastPrint > 10_000_000_000L) {
                lastPrint = System.nanoTime();
                ctx.out().println("    rebuild: " + progress.json());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        ctx.out().println("    rebuild finished: " + progress.json());
        long events = progress.replayed() > 0 ? progress.replayed() : live;
        String after = report(ctx.url(2, REPORT));
        String difference = ReportDifference.of(before, after);
        return new Replay(events, seconds, seconds, Double.NaN, difference == null, difference);
    }

    /** The rebuild endpoint's progress answer, read loosely (see {@link #viaEndpoint}). */
    record Progress(JsonNode json, String state) {

        private static final String DONE = "DONE|COMPLETED?|FINISHED|SUCCEEDED|SUCCESS|SWITCHED";
        private static final String FAILED = "FAILED|FAILURE|ERROR|ABORTED";
        private static final String IDLE = "IDLE|NONE|NOT_STARTED";

        static Progress of(JsonNode json) {
            for (String field : new String[] {"state", "status", "phase"}) {
                if (json.path(field).isTextual()) {
                    return new Progress(json, json.path(field).asText().trim().toUpperCase().replace('-', '_'));
                }
            }
            return new Progress(json, "");
        }

        boolean failed() {
            return state.matches(FAILED);
        }

        boolean running() {
            if (json.path("running").isBoolean()) {
                return json.path("running").asBoolean();
            }
            return !state.isEmpty() && !state.matches(DONE + "|" + FAILED + "|" + IDLE);
        }

        boolean finished(boolean seenRunning) {
            if (state.matches(DONE)) {
                return true;
            }
            boolean idle = state.matches(IDLE) || (json.path("running").isBoolean() && !json.path("running").asBoolean());
            return idle && (seenRunning || replayed() > 0);
        }

        /** The replayed-event count the answer carries, or -1. */
        long replayed() {
            for (JsonNode node : new JsonNode[] {json, json.path("progress")}) {
                for (String field : new String[] {"eventsReplayed", "replayed", "events", "processed", "applied", "records"}) {
                    if (node.path(field).canConvertToLong()) {
                        return node.path(field).asLong();
                    }
                }
            }
            return -1;
        }
    }

    private String report(String url) throws Exception {
        HttpResponse<String> response = ctx.http().get(url, ctx.readerToken());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** Kafka's consumer perf tool over the three topics: all messages / the sum of the fetch times. */
    private double consumerCeiling() throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, ctx.platform().kafkaBootstrap());
        long messages = 0;
        double seconds = 0;
        try (Admin admin = Admin.create(props)) {
            for (String topic : Verification.TOPICS) {
                var partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get().get(topic).partitions();
                Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
                Map<TopicPartition, OffsetSpec> earliest = new java.util.HashMap<>();
                partitions.forEach(p -> {
                    latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
                    earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest());
                });
                long end = admin.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
                long begin = admin.listOffsets(earliest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
                KafkaPerf.ConsumerRate rate = kafka.consume(topic, end - begin);
                messages += rate.messages();
                seconds += rate.fetchSeconds();
            }
        }
        return messages / seconds;
    }

    /** Rows per second of INSERT ... SELECT of the final read-model rows into empty copies of their tables. */
    private double bulkInsertCeiling(String database) throws SQLException {
        try (Connection c = ctx.platform().database(database); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_bulk_facts, bench_bulk_streams");
            s.execute("CREATE TABLE bench_bulk_facts (LIKE account_facts INCLUDING ALL)");
            s.execute("CREATE TABLE bench_bulk_streams (LIKE projected_streams INCLUDING ALL)");
            long start = System.nanoTime();
            int rows = s.executeUpdate("INSERT INTO bench_bulk_facts SELECT * FROM account_facts");
            s.executeUpdate("INSERT INTO bench_bulk_streams SELECT * FROM projected_streams");
            double seconds = (System.nanoTime() - start) / 1e9;
            s.execute("DROP TABLE bench_bulk_facts, bench_bulk_streams");
            return rows / seconds;
        }
    }
}
