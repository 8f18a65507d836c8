package io.kamplatform.bench.perf.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kamplatform.bench.perf.BenchContext;
import io.kamplatform.bench.perf.ceiling.AppendCeiling;
import io.kamplatform.bench.perf.load.Call;
import io.kamplatform.bench.perf.load.ClosedLoop;
import io.kamplatform.bench.perf.load.CpuUse;
import io.kamplatform.bench.perf.load.Http;
import io.kamplatform.bench.perf.load.Measurement;
import io.kamplatform.bench.perf.load.ProjectionPace;
import io.kamplatform.bench.perf.report.Row;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * W1: ingest over HTTP, one event per request and batches of 100, at each concurrency; beside it, at the same
 * concurrency, pgbench running the same append SQL and the empty Quarkus route under the same load tool (whose figure
 * is also the load tool's own ceiling). Each measurement starts from a quiet pipeline (the read model caught up):
 * the projection of the previous one would otherwise compete for the same two cores. Returns the highest single-event
 * rate: W2 and W4 run at half of it.
 */
public final class IngestWorkload {

    public static final int BATCH = 100;
    /** A drain shorter than this is a handful of metric samples: shown, not judged. */
    static final double MIN_DRAIN_SECONDS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BenchContext ctx;
    private final String emptyRoute;
    private AppendCeiling ceiling;

    /** What W2 needs from W1: the highest single-event rate, and the single-client empty route and commit latencies. */
    public record Outcome(double maxSingleRate, Measurement emptyRouteOneClient, Measurement commitOneClient) {
    }

    public IngestWorkload(BenchContext ctx, String emptyRoute) {
        this.ctx = ctx;
        this.emptyRoute = emptyRoute;
    }

    /** Single-event posts at each concurrency; few events, so the read-side workloads after them see the portfolio. */
    public Outcome singles() throws Exception {
        ctx.section("W1 ingest, single events: concurrency " + ctx.options().concurrency());
        ceiling = prepareCeiling();
        int seconds = ctx.options().measureSeconds();
        double maxSingle = 0;
        Measurement emptyOne = null;
        Measurement commitOne = null;
        for (int clients : ctx.options().concurrency()) {
            CpuUse cpu = ctx.cpu();
            Measurement single = ClosedLoop.run(clients, ctx.warmUp(), ctx.measure(), SinglePosts.call(ctx, "w1s" + clients, clients));
            String cpuSingle = cpu.describe();
            ctx.quiesce("after W1 single, c=" + clients);
            Measurement pgSingle = ceiling.single(clients, seconds);
            Measurement emptySingle = ClosedLoop.run(clients, ctx.warmUp(), ctx.measure(), emptyCall(false, clients));
            print("single, " + clients + " client(s)", single, pgSingle, emptySingle);
            ctx.out().println("    service run: " + cpuSingle);
            maxSingle = Math.max(maxSingle, single.eventsPerSecond());
            if (clients == 1) {
                emptyOne = emptySingle;
                commitOne = pgSingle;
            }
            ctx.results().add(new Row("W1", "single, c=" + clients, describe(single), single.eventsPerSecond(), "events/s",
                    "pgbench append %,.0f/s; empty route %,.0f req/s".formatted(pgSingle.eventsPerSecond(),
                            emptySingle.requestsPerSecond()), pgSingle.eventsPerSecond(),
                    Row.share(single.eventsPerSecond(), pgSingle.eventsPerSecond()) + " of pgbench",
                    "≥ 50% of pgbench", single.eventsPerSecond() >= 0.5 * pgSingle.eventsPerSecond()
                            && single.errorRate() == 0, note(single, pgSingle, cpuSingle)));
        }
        return new Outcome(maxSingle, emptyOne, commitOne);
    }

    /**
     * Batches of 100 at each concurrency. They add many events, so they run after the read-side workloads (W2, W4)
     * and the replay (W3), which should see the portfolio rather than W1's extra revenue.
     */
    public void batches() throws Exception {
        ctx.section("W1 ingest, batches of " + BATCH + ": concurrency " + ctx.options().concurrency());
        if (ceiling == null) {
            ceiling = prepareCeiling();
        }
        int seconds = ctx.options().measureSeconds();
        for (int clients : ctx.options().concurrency()) {
            CpuUse cpu = ctx.cpu();
            Measurement batch = ClosedLoop.run(clients, ctx.warmUp(), ctx.measure(), batchCall("w1b", clients));
            String cpuBatch = cpu.describe();
            ctx.quiesce("after W1 batches, c=" + clients);
            Measurement pgBatch = ceiling.batch(clients, seconds, BATCH);
            Measurement emptyBatch = ClosedLoop.run(clients, ctx.warmUp(), ctx.measure(), emptyCall(true, clients));
            print("batches of " + BATCH + ", " + clients + " client(s)", batch, pgBatch, emptyBatch);
            ctx.out().println("    service run: " + cpuBatch);
            ctx.results().add(new Row("W1", "batch 100, c=" + clients, describe(batch), batch.eventsPerSecond(), "events/s",
                    "pgbench append %,.0f/s; empty route %,.0f events/s".formatted(pgBatch.eventsPerSecond(),
                            emptyBatch.eventsPerSecond()), pgBatch.eventsPerSecond(),
                    Row.share(batch.eventsPerSecond(), pgBatch.eventsPerSecond()) + " of pgbench",
                    "≥ 10,000 events/s", batch.eventsPerSecond() >= 10_000 && batch.errorRate() == 0, note(batch, pgBatch, cpuBatch)));
        }
    }

    /**
     * The live projection's own rate: reporting-service is paused (SIGSTOP) while batches of 100 are posted for the
     * measurement time at the largest concurrency and the writers' outboxes publish all of them; then it is resumed and
     * drains that backlog with nothing else writing (the refresher runs, as in production). A restart or an outage ends
     * the same way. The rate counts from the first event projected after the resume (its consumers first rejoin their
     * group, whose session ended meanwhile) to the last; beside it, the rate the writers accepted the backlog at.
     */
    public void projectionCatchUp() throws Exception {
        int clients = ctx.options().concurrency().stream().mapToInt(Integer::intValue).max().orElse(1);
        ctx.section("W1 projection: the backlog of %d s of batches (c=%d) posted while reporting-service was paused"
                .formatted(ctx.options().measureSeconds(), clients));
        Measurement posted;
        ProjectionPace pace;
        ctx.platform().signal("reporting-service", true);
        try {
            posted = ClosedLoop.run(clients, Duration.ZERO, ctx.measure(), batchCall("w1p", clients));
            awaitOutboxesPublished();
        } finally {
            ctx.platform().signal("reporting-service", false);
        }
        pace = ProjectionPace.start(ctx.http(), ctx.url(2, "/q/metrics"));
        ctx.quiesce("after the pause");
        ProjectionPace.Drain drain = pace.stop();
        ctx.out().printf("    posted %s while paused; the projection caught up at %s%n", describe(posted),
                drain == null ? "an unknown rate (no metrics)" : drain);
        if (drain == null || drain.events() == 0) {
            return;
        }
        boolean judged = drain.seconds() >= MIN_DRAIN_SECONDS;
        ctx.results().add(new Row("W1", "projection catch-up after a pause", drain.toString(), drain.rate(), "events/s",
                "the backlog was accepted at %,.0f events/s".formatted(posted.eventsPerSecond()), posted.eventsPerSecond(),
                Row.share(drain.rate(), posted.eventsPerSecond()) + " of it", "≥ 10,000 events/s",
                judged ? drain.rate() >= 10_000 : null,
                "from the first event projected after the resume (%.1f s after it) to the last%s".formatted(
                        drain.startSeconds(), judged ? "" : "; a drain this short (a quick run) is not judged")));
    }

    /** Until both writers' outboxes are empty: the whole backlog is on Kafka before the projection resumes. */
    private void awaitOutboxesPublished() throws Exception {
        long deadline = System.nanoTime() + ctx.options().timeoutMinutes() * 60_000_000_000L;
        for (int writer = 0; writer < 2; writer++) {
            while (true) {
                HttpResponse<String> outbox = ctx.http().get(ctx.url(writer, "/api/admin/outbox"), ctx.adminToken());
                if (outbox.statusCode() == 200 && JSON.readTree(outbox.body()).path("unpublishedEvents").asLong() == 0) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the outbox of service " + writer + " did not empty: " + outbox.body());
                }
                Thread.sleep(250);
            }
        }
    }

    private AppendCeiling prepareCeiling() throws Exception {
        int maxClients = ctx.options().concurrency().stream().mapToInt(Integer::intValue).max().orElse(1);
        int streamLength = ctx.census().averageAccountStream();
        int streams = Math.max(ctx.portfolio().accounts(), maxClients * AppendCeiling.STREAMS_PER_BATCH);
        AppendCeiling ceiling = new AppendCeiling(ctx.pgbench());
        try (Connection admin = ctx.platform().database("postgres"); Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + AppendCeiling.DATABASE + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + AppendCeiling.DATABASE);
            try (Connection db = ctx.platform().database(AppendCeiling.DATABASE)) {
                ceiling.prepare(admin, db, ctx.options().repo(), streams, streamLength);
            }
        }
        ctx.out().printf("    pgbench ceiling: database %s from service-kit's event-store migrations, %,d streams (one per "
                + "portfolio account, each pgbench client writing to its own) of %d events (the portfolio's average "
                + "account stream)%n", AppendCeiling.DATABASE, streams, streamLength);
        return ceiling;
    }

    /**
     * Batches of 100 over ten of the client's accounts, ten events each; every item must be RECORDED. {@code label}
     * keeps the event ids of each use apart (the same ids again would be duplicates, not a backlog).
     */
    private Call batchCall(String label, int clients) {
        AccountEvents events = new AccountEvents(ctx);
        String run = ctx.runId();
        return (client, i) -> {
            StringBuilder body = new StringBuilder(BATCH * 300).append("{\"items\":[");
            List<String[]> items = new ArrayList<>(BATCH);
            for (int k = 0; k < BATCH; k++) {
                String account = events.account(client, clients, i * 10 + k % 10);
                String eventId = "bench-" + run + "-" + label + clients + "-" + client + "-" + i + "-" + k;
                body.append(k == 0 ? "" : ",").append(events.item(account, eventId, k));
                items.add(new String[] {account, eventId});
            }
            body.append("]}");
            HttpResponse<String> response = Http.expect(ctx.http().post(ctx.url(0, "/api/account-events/batch"),
                    ctx.writerToken(), body.toString()), 200, "batch POST");
            JsonNode results = JSON.readTree(response.body()).path("results");
            int recorded = 0;
            for (int k = 0; k < BATCH; k++) {
                String status = results.path(k).path("status").asText();
                if (status.equals("RECORDED") || status.equals("DUPLICATE")) {
                    ctx.acknowledgements().acknowledge(events.acknowledged(items.get(k)[0], items.get(k)[1]));
                    recorded++;
                }
            }
            if (recorded < BATCH) {
                throw new IllegalStateException((BATCH - recorded) + " items not recorded: " + response.body());
            }
            return BATCH;
        };
    }

    /** The same bodies to the empty route: what HTTP, Quarkus REST and this load tool cost on their own. */
    private Call emptyCall(boolean batch, int clients) {
        AccountEvents events = new AccountEvents(ctx);
        return (client, i) -> {
            String body;
            if (batch) {
                StringBuilder b = new StringBuilder(BATCH * 300).append("{\"items\":[");
                for (int k = 0; k < BATCH; k++) {
                    b.append(k == 0 ? "" : ",").append(events.item(events.account(client, clients, k), "e-" + i + "-" + k, k));
                }
                body = b.append("]}").toString();
            } else {
                body = events.single("e-" + client + "-" + i, i);
            }
            Http.expect(ctx.http().post(emptyRoute, ctx.writerToken(), body), 201, "empty route");
            return batch ? BATCH : 1;
        };
    }

    private void print(String what, Measurement service, Measurement pgbench, Measurement empty) {
        ctx.out().printf("    %-28s service %s%n    %-28s pgbench %s%n    %-28s empty route %s%n", what, service, "", pgbench,
                "", empty);
        if (service.firstError() != null) {
            ctx.out().println("    first error: " + service.firstError());
        }
    }

    static String describe(Measurement m) {
        return "%,.0f events/s (p50 %.1f ms, p99 %.1f ms, errors %.1f%%)".formatted(m.eventsPerSecond(), m.p50Millis(),
                m.p99Millis(), 100 * m.errorRate());
    }

    private static String note(Measurement service, Measurement pgbench, String cpu) {
        String error = service.firstError() != null ? service.firstError() : pgbench.firstError();
        return error == null ? cpu : cpu + "; " + error;
    }
}
