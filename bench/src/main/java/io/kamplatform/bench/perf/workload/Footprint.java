package io.kamplatform.bench.perf.workload;

import io.kamplatform.bench.perf.BenchContext;
import io.kamplatform.bench.perf.report.Row;
import io.kamplatform.bench.platform.JvmProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * W5: per service, the time from spawning the JVM to the first 200 of its readiness check, and its resident memory
 * after the run's load, against an empty Quarkus app on the same JDK (spawn to the first 200 of its route; RSS after
 * it served W1's empty-route load). Each service starts alone on an empty database of its own ({@code bench_w5}), its
 * consumers at the latest offsets, so a start measures the start and not a replay. The empty app's starts are
 * interleaved with the services' so both meet the same machine load; the median of the starts is shown.
 */
public final class Footprint {

    static final String DATABASE = "bench_w5";
    static final List<String> SERVICES = List.of("account-service", "relationship-service", "reporting-service");

    private final BenchContext ctx;

    public Footprint(BenchContext ctx) {
        this.ctx = ctx;
    }

    public void run(JvmProcess emptyApp, Path emptyJar) throws Exception {
        ctx.section("W5 footprint: start to first 200 and RSS after the load, per service, against an empty Quarkus app");
        // Starts interleaved (empty app, then each service, N times), so the empty app meets the same machine load.
        List<Double> empty = new ArrayList<>();
        Map<String, List<Double>> starts = new java.util.LinkedHashMap<>();
        for (int n = 0; n < ctx.options().starts(); n++) {
            int port = ctx.extraPort(3);
            try (JvmProcess again = JvmProcess.start(emptyJar, Map.of("QUARKUS_HTTP_PORT", Integer.toString(port)),
                    ctx.workDir().resolve("logs/empty-app-start-" + n + ".log"))) {
                empty.add(again.awaitFirst200("http://localhost:" + port + "/empty", Duration.ofMinutes(2)));
            }
            for (String service : SERVICES) {
                starts.computeIfAbsent(service, s -> new ArrayList<>()).add(start(service, n));
            }
        }
        double emptyStart = median(empty);
        double emptyRss = emptyApp.rssMib();
        ctx.out().printf("    empty Quarkus app: start %s s (median %.2f s), RSS %.0f MiB after W1's empty-route load%n",
                format(empty), emptyStart, emptyRss);
        for (String service : SERVICES) {
            double start = median(starts.get(service));
            double rss = JvmProcess.rssMib(ctx.platform().pid(service));
            ctx.out().printf("    %s: start %s s (median %.2f s), RSS %.0f MiB after the run's load%n", service,
                    format(starts.get(service)), start, rss);
            ctx.results().add(new Row("W5", service + " start", "%.2f s".formatted(start), start, "s",
                    "empty app %.2f s".formatted(emptyStart), emptyStart, Row.multiple(start, emptyStart), "≤ 2×",
                    start <= 2 * emptyStart, null));
            ctx.results().add(new Row("W5", service + " RSS", "%.0f MiB".formatted(rss), rss, "MiB",
                    "empty app %.0f MiB".formatted(emptyRss), emptyRss, Row.multiple(rss, emptyRss), "≤ 2×",
                    rss <= 2 * emptyRss, null));
        }
    }

    private double start(String service, int n) throws Exception {
        Databases.recreate(ctx, DATABASE);
        int port = ctx.extraPort(1);
        Map<String, String> env = new java.util.LinkedHashMap<>(ServiceEnvironment.of(ctx, port, DATABASE,
                "bench-w5-" + ctx.runId() + "-" + n));
        env.put("MP_MESSAGING_CONNECTOR_SMALLRYE_KAFKA_AUTO_OFFSET_RESET", "latest");
        try (JvmProcess instance = JvmProcess.start(ServiceEnvironment.jar(ctx, service), env,
                ctx.workDir().resolve("logs/" + service + "-start-" + n + ".log"))) {
            return instance.awaitFirst200("http://localhost:" + port + "/q/health/ready", Duration.ofMinutes(2));
        } finally {
            Databases.drop(ctx, DATABASE);
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String format(List<Double> values) {
        return String.join(", ", values.stream().map(v -> "%.2f".formatted(v)).toList());
    }
}
