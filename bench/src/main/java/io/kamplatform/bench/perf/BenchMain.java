package io.kamplatform.bench.perf;

import io.kamplatform.bench.platform.ScriptArguments;
import io.kamplatform.bench.perf.ceiling.KafkaPerf;
import io.kamplatform.bench.perf.ceiling.PgBench;
import io.kamplatform.bench.perf.load.Http;
import io.kamplatform.bench.perf.portfolio.Census;
import io.kamplatform.bench.perf.portfolio.PortfolioGenerator;
import io.kamplatform.bench.perf.report.Results;
import io.kamplatform.bench.perf.report.ResultsFile;
import io.kamplatform.bench.perf.report.Row;
import io.kamplatform.bench.perf.report.RunInfo;
import io.kamplatform.bench.perf.workload.Footprint;
import io.kamplatform.bench.perf.workload.FreshnessWorkload;
import io.kamplatform.bench.perf.workload.IngestWorkload;
import io.kamplatform.bench.perf.workload.PortfolioReports;
import io.kamplatform.bench.perf.workload.ReadsUnderLoad;
import io.kamplatform.bench.perf.workload.ReplayWorkload;
import io.kamplatform.bench.platform.JvmProcess;
import io.kamplatform.bench.platform.PlatformRun;
import io.kamplatform.bench.platform.PlatformSettings;
import io.kamplatform.bench.reliability.Acknowledgements;
import io.kamplatform.bench.reliability.Findings;
import io.kamplatform.bench.reliability.Verification;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The benchmark ({@code bench/bench}): one platform, one generated portfolio loaded through the batch APIs, W1-W5 of
 * quality-bar.md each beside a ceiling measured in the same run, then the correctness check of every acknowledged
 * event, and one table. A workload that fails is reported as such and the others still run.
 */
public final class BenchMain {

    private final BenchOptions options;
    private final PrintStream out = System.out;

    private BenchMain(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = ScriptArguments.options(args, BenchOptions::parse, BenchOptions.USAGE);
        if (options == null) {
            return;
        }
        System.exit(new BenchMain(options).run());
    }

    private int run() throws Exception {
        long started = System.nanoTime();
        Path workDir = options.repo().resolve("bench/target/bench");
        Map<String, Object> info = RunInfo.collect(options.repo(), options.args(), options.mode());
        PortfolioGenerator portfolio = new PortfolioGenerator(options.seed(), options.accounts(), options.years());
        int maxClients = options.concurrency().stream().mapToInt(Integer::intValue).max().orElse(1);
        if (options.accounts() < maxClients) {
            throw new IllegalArgumentException("--accounts must be at least the highest concurrency (" + maxClients + ")");
        }
        out.printf("KAM Platform benchmark (%s): generating the portfolio (seed %d, %,d accounts, %d year(s))...%n",
                options.mode(), options.seed(), options.accounts(), options.years());
        Census census = portfolio.census();
        Map<String, Object> portfolioInfo = new LinkedHashMap<>();
        portfolioInfo.put("seed", options.seed());
        portfolioInfo.put("accounts", census.accounts());
        portfolioInfo.put("groups", census.groups());
        portfolioInfo.put("keyAccounts", census.keyAccounts());
        portfolioInfo.put("years", options.years());
        portfolioInfo.put("events", census.events());
        PgBench pgbench = PgBench.locate(options.repo(), options.postgresPort(), workDir.resolve("pgbench"));
        info.put("pgbench", pgbench.version());
        Results results = new Results();
        Acknowledgements acknowledgements = new Acknowledgements();
        String runId = Long.toString(System.currentTimeMillis(), 36);
        Findings findings = null;
        PlatformSettings settings = new PlatformSettings(options.repo(), options.basePort(), options.kafkaPort(),
                options.postgresPort(), Map.of());
        try (PlatformRun platform = new PlatformRun(settings, options.home())) {
            if (options.attach()) {
                platform.attach();
                out.println("Using the platform running on " + options.home());
            } else {
                deleteRecursively(options.home());
                out.printf("Starting a platform: ./deploy/local/run --home %s (services %d-%d, Kafka %d, PostgreSQL %d)...%n",
                        options.home(), options.basePort(), options.basePort() + 2, options.kafkaPort(), options.postgresPort());
                long t = System.nanoTime();
                platform.start();
                out.printf("    platform up in %.0f s%n", (System.nanoTime() - t) / 1e9);
            }
            BenchContext ctx = new BenchContext(options, platform, portfolio, census, acknowledgements, results, pgbench,
                    new Http(Duration.ofSeconds(120)), runId, workDir, out);
            info.put("postgres", queryVersion(platform));
            findings = workloads(ctx);
        } finally {
            info.put("loadAverageAtEnd", RunInfo.loadAverage());
            info.put("seconds", Math.round((System.nanoTime() - started) / 1e9));
            results.print(out);
            out.println();
            out.println(correctnessLine(findings));
            Path[] files = ResultsFile.write(workDir, info, portfolioInfo, results);
            out.printf("Results: %s, %s (%.0f s in all)%n", files[0], files[1], (System.nanoTime() - started) / 1e9);
            if (options.record()) {
                ResultsFile.record(options.repo(), info, portfolioInfo, results);
                out.println("Recorded in docs/benchmarks.md and docs/benchmarks/" + options.mode() + ".json");
            }
        }
        return findings != null && findings.lost() == 0 && findings.countedTwice() == 0 ? 0 : 1;
    }

    /** Runs every workload (a failed one is reported and the next runs), then checks correctness. */
    private Findings workloads(BenchContext ctx) throws Exception {
        PortfolioLoad.run(ctx);
        Path emptyJar = options.repo().resolve("bench/empty-app/target/quarkus-app/quarkus-run.jar");
        String classpath = System.getProperty("java.class.path");
        KafkaPerf kafka = new KafkaPerf(classpath, ctx.platform().kafkaBootstrap(), ctx.workDir().resolve("kafka"));
        try (JvmProcess empty = JvmProcess.start(emptyJar, Map.of("QUARKUS_HTTP_PORT", Integer.toString(ctx.extraPort(2))),
                ctx.workDir().resolve("logs/empty-app.log"))) {
            String emptyRoute = "http://localhost:" + ctx.extraPort(2) + "/empty";
            empty.awaitFirst200(emptyRoute, Duration.ofMinutes(2));
            IngestWorkload ingest = new IngestWorkload(ctx, emptyRoute);
            IngestWorkload.Outcome w1 = attempt(ctx, "W1", ingest::singles);
            ctx.quiesce("after W1 singles");
            if (w1 != null) {
                attempt(ctx, "W2", () -> {
                    new FreshnessWorkload(ctx, kafka).run(w1);
                    return null;
                });
                ctx.quiesce("after W2");
                attempt(ctx, "W4", () -> {
                    new ReadsUnderLoad(ctx).run(w1);
                    return null;
                });
                ctx.quiesce("after W4");
                attempt(ctx, "W4", () -> {
                    new PortfolioReports(ctx).run(options.quick() ? 3 : 10);
                    return null;
                });
            }
            attempt(ctx, "W3", () -> new ReplayWorkload(ctx, kafka).run());
            attempt(ctx, "W1", () -> {
                ingest.batches();
                return null;
            });
            ctx.quiesce("after W1 batches");
            attempt(ctx, "W1", () -> {
                ingest.projectionCatchUp();
                return null;
            });
            attempt(ctx, "W5", () -> {
                new Footprint(ctx).run(empty, emptyJar);
                return null;
            });
        }
        ctx.section("Correctness: every acknowledged event in the store, on Kafka and in the read model exactly once");
        Verification verification = new Verification(ctx.platform(), ctx.acknowledgements(), PortfolioGenerator.AS_OF, out);
        verification.awaitCatchUp(System.nanoTime() + options.timeoutMinutes() * 60_000_000_000L);
        Findings f = verification.verify();
        Results results = ctx.results();
        results.correctness("acknowledged", f.acknowledged());
        results.correctness("lost", f.lost());
        results.correctness("lostInStore", f.lostInStore());
        results.correctness("lostOnKafka", f.lostOnTopic());
        results.correctness("lostInReadModel", f.lostInReadModel());
        results.correctness("duplicated", f.countedTwice());
        results.correctness("redeliveredOnKafka", f.redeliveredOnTopic());
        results.correctness("reusedStreamVersions", f.versionConflicts());
        results.correctness("revenueReportedEqualsAcknowledged", f.revenueExact());
        results.correctness("timelinesExact", (f.timelinesChecked() - f.timelineMismatches()) + "/" + f.timelinesChecked());
        return f;
    }

    private interface Step<T> {
        T run() throws Exception;
    }

    private <T> T attempt(BenchContext ctx, String workload, Step<T> step) {
        try {
            return step.run();
        } catch (Exception | AssertionError e) {
            out.println("    " + workload + " failed: " + e);
            ctx.results().add(new Row(workload, "failed", String.valueOf(e.getMessage()), Double.NaN, "", "-", Double.NaN,
                    "-", "-", false, e.toString()));
            return null;
        }
    }

    private static String correctnessLine(Findings f) {
        if (f == null) {
            return "Correctness: not checked (the run stopped before)";
        }
        return ("Correctness: %,d acknowledged events; lost/duplicated: %d/%d (lost in the store %d, on Kafka %d, in the "
                + "read model %d); redelivered on Kafka %d; reused stream versions %d; reported revenue %s acknowledged; "
                + "timelines exact %d/%d -> %s").formatted(f.acknowledged(), f.lost(), f.countedTwice(), f.lostInStore(),
                f.lostOnTopic(), f.lostInReadModel(), f.redeliveredOnTopic(), f.versionConflicts(),
                f.revenueExact() ? "=" : "≠ (" + f.revenueReported() + " vs " + f.revenueAcknowledged() + ")",
                f.timelinesChecked() - f.timelineMismatches(), f.timelinesChecked(), f.passed() ? "PASS" : "FAIL");
    }

    private static String queryVersion(PlatformRun platform) {
        try (var c = platform.database("postgres"); var s = c.createStatement(); var rows = s.executeQuery("SHOW server_version")) {
            rows.next();
            return "PostgreSQL " + rows.getString(1);
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
