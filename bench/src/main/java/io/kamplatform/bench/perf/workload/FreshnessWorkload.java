package io.kamplatform.bench.perf.workload;

import io.kamplatform.bench.perf.BenchContext;
import io.kamplatform.bench.perf.ceiling.KafkaPerf;
import io.kamplatform.bench.perf.load.Http;
import io.kamplatform.bench.perf.load.Latencies;
import io.kamplatform.bench.perf.load.PacedLoad;
import io.kamplatform.bench.perf.report.Row;
import io.kamplatform.bench.reliability.PlannedItem;
import io.kamplatform.bench.reliability.Writer;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * W2: the time from a 2xx on a POST to the change being visible in a report, while single events arrive at 50% of
 * W1's highest rate. A probe registers a new account every {@value #PROBE_INTERVAL_MS} ms and polls its timeline
 * report every {@value #POLL_MS} ms until it answers 200. The ceiling is the sum of the empty route's round trip, one
 * append commit (pgbench, one client) and Kafka's own end-to-end latency, each measured in this run.
 */
public final class FreshnessWorkload {

    static final long PROBE_INTERVAL_MS = 250;
    static final long POLL_MS = 5;
    static final long PROBE_TIMEOUT_MS = 60_000;
    static final int KAFKA_PAYLOAD_BYTES = 400;

    private final BenchContext ctx;
    private final KafkaPerf kafka;

    public FreshnessWorkload(BenchContext ctx, KafkaPerf kafka) {
        this.ctx = ctx;
        this.kafka = kafka;
    }

    public void run(IngestWorkload.Outcome w1) throws Exception {
        double rate = w1.maxSingleRate() / 2;
        ctx.section("W2 freshness: POST 2xx -> visible in a report, with single events at %.0f/s (50%% of W1's %.0f/s)"
                .formatted(rate, w1.maxSingleRate()));
        Latencies freshness = new Latencies();
        int timeouts = 0;
        double achieved;
        try (PacedLoad background = new PacedLoad(rate, 8, SinglePosts.call(ctx, "w2bg", 8))) {
            long end = System.nanoTime() + ctx.options().freshnessSeconds() * 1_000_000_000L;
            for (int i = 0; System.nanoTime() < end; i++) {
                long slot = System.nanoTime() + PROBE_INTERVAL_MS * 1_000_000;
                double seconds = probe(i);
                if (Double.isNaN(seconds)) {
                    timeouts++;
                } else {
                    freshness.add((long) (seconds * 1e9));
                }
                long wait = slot - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000);
                }
            }
            achieved = background.achievedRate();
            if (background.errors() > 0) {
                ctx.out().println("    background errors: " + background.errors() + ", first: " + background.firstError());
            }
        }
        Latencies sorted = Latencies.merge(List.of(freshness));
        double p50 = sorted.percentileMillis(50);
        double p99 = timeouts > 0 ? Double.POSITIVE_INFINITY : sorted.percentileMillis(99);
        double[] kafkaLatency = kafka.endToEndLatency(1000, KAFKA_PAYLOAD_BYTES);
        double ceiling50 = w1.emptyRouteOneClient().p50Millis() + w1.commitOneClient().p50Millis() + kafkaLatency[0];
        double ceiling99 = w1.emptyRouteOneClient().p99Millis() + w1.commitOneClient().p99Millis() + kafkaLatency[1];
        String parts = "empty route %.1f + commit %.1f + Kafka e2e %.0f";
        ctx.out().printf("    %d probes (%d timed out), background %.0f/s achieved: p50 %.0f ms, p99 %.0f ms; ceiling p50 "
                + "%.1f ms (%s), p99 %.1f ms%n", sorted.size() + timeouts, timeouts, achieved, p50, p99, ceiling50,
                parts.formatted(w1.emptyRouteOneClient().p50Millis(), w1.commitOneClient().p50Millis(), kafkaLatency[0]),
                ceiling99);
        String note = "%d probes, background %.0f of %.0f events/s".formatted(sorted.size() + timeouts, achieved, rate);
        ctx.results().add(new Row("W2", "freshness p50", "%.0f ms (%s)".formatted(p50, note), p50, "ms",
                "%.1f ms (%s)".formatted(ceiling50, parts.formatted(w1.emptyRouteOneClient().p50Millis(),
                        w1.commitOneClient().p50Millis(), kafkaLatency[0])), ceiling50, Row.multiple(p50, ceiling50),
                "≤ 100 ms", p50 <= 100, null));
        ctx.results().add(new Row("W2", "freshness p99", "%.0f ms".formatted(p99), p99, "ms",
                "%.1f ms (%s)".formatted(ceiling99, parts.formatted(w1.emptyRouteOneClient().p99Millis(),
                        w1.commitOneClient().p99Millis(), kafkaLatency[1])), ceiling99, Row.multiple(p99, ceiling99),
                "≤ 500 ms", p99 <= 500, timeouts > 0 ? timeouts + " probes not visible within 60 s" : null));
    }

    /** Seconds from the 201 of a registration to the first 200 of the account's timeline; NaN after the timeout. */
    private double probe(int i) throws Exception {
        String account = "W2-" + ctx.runId() + "-" + i;
        String eventId = account + "-registered";
        String body = "{\"eventId\":\"" + eventId + "\",\"type\":\"AccountRegistered\",\"occurredAt\":\"2025-06-01T08:00:00Z\","
                + "\"data\":{\"name\":\"Freshness probe " + i + "\",\"sector\":\"Retail\",\"country\":\"DE\"}}";
        Http.expect(ctx.http().post(ctx.url(0, "/api/accounts/" + account + "/events"), ctx.writerToken(), body), 201,
                "probe registration");
        long acknowledged = System.nanoTime();
        ctx.acknowledgements().acknowledge(new PlannedItem(eventId, Writer.ACCOUNT, account, "AccountRegistered", "",
                BigDecimal.ZERO));
        String timeline = ctx.url(2, "/api/reports/accounts/" + account + "/timeline?limit=1");
        while (System.nanoTime() - acknowledged < PROBE_TIMEOUT_MS * 1_000_000) {
            HttpResponse<String> response = ctx.http().get(timeline, ctx.readerToken());
            if (response.statusCode() == 200 && response.body().contains(eventId)) {
                return (System.nanoTime() - acknowledged) / 1e9;
            }
            Thread.sleep(POLL_MS);
        }
        return Double.NaN;
    }
}
