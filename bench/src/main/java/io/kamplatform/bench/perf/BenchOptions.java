package io.kamplatform.bench.perf;

import java.nio.file.Path;
import java.util.List;

/** The benchmark's command line; {@code --quick} changes the defaults, explicit options still win. */
public record BenchOptions(Path repo, Path home, boolean quick, boolean attach, int accounts, int years, long seed,
                           int basePort, int kafkaPort, int postgresPort, List<Integer> concurrency, int measureSeconds,
                           int warmUpMillis, int loadClients, int freshnessSeconds, int readSeconds, int readers,
                           int portfolioReaders, int starts, int replayMinutes, int reportTimeoutSeconds, boolean record, int timeoutMinutes,
                           List<String> args) {

    static final String USAGE = """
            Usage: bench/bench [--quick] [options]
              --quick               a developer's before/after check in about 3 minutes: 150 accounts, 1 year, 2 s per
                                    measurement (default: the full run, 10,000 accounts over 5 years, about 1.2 M events)
              --accounts N          accounts in the generated portfolio (plus one parent group per 25 accounts)
              --years N             years of monthly revenue, interactions, contracts ... (ending 2025-12)
              --seed N              portfolio seed (default 7): the same seed, accounts and years give the same events
              --measure-seconds N   per W1 measurement (full 10, quick 2); --warm-up-ms N before each (full 3000, quick 500)
              --concurrency LIST    W1 client counts (default 1,8,32)
              --freshness-seconds N W2 duration (full 30, quick 5); --read-seconds N W4 duration (full 30, quick 5)
              --readers N           W4 readers in all (default 20), of which --portfolio-readers N (default 4) read the
                                    portfolio report and the others account reports
              --starts N            W5 starts per service and of the empty app, the median is reported (full 3, quick 1)
              --replay-minutes N    W3 stops waiting for the replay after N minutes and reports the rate so far, without
                                    comparing the views (full 6, quick 3)
              --report-timeout-seconds N  W4: a report that has not answered after N s is an error with that latency
                                    (full 60, quick 30), so slow portfolio reports cannot hang the run
              --load-clients N      concurrent clients loading the portfolio (default 4)
              --attach HOME         use a platform already running on HOME (./deploy/local/run --home HOME with the ports
                                    below) instead of starting one; it is left running
              --home DIR            where the benchmark's own platform keeps its data (default bench/target/bench/home,
                                    wiped at start)
              --base-port N         first service port (default 38081; extra processes use N+3..N+8);
              --kafka-port N        (default 39092); --postgres-port N (default 65432)
              --record              also write the results to docs/benchmarks.md and docs/benchmarks/<mode>.json
              --timeout-minutes N   for loading and each catch-up (default 120)
            Starts a platform with ./deploy/local/run on those ports, loads a generated portfolio through the batch APIs,
            runs W1-W5 of shared/design/quality-bar.md, each beside a ceiling measured in the same run (pgbench with the
            services' SQL, an empty Quarkus route under the same load tool, Kafka's perf tools, an empty Quarkus app),
            checks that every acknowledged event is in the store, on Kafka and in the read model exactly once, and prints
            one table. Results: bench/target/bench/results.{json,md}. Exit status 1 when an event was lost or duplicated.""";

    static BenchOptions parse(Path repo, String[] args) {
        boolean quick = List.of(args).contains("--quick");
        Path home = repo.resolve("bench/target/bench/home");
        boolean attach = false;
        int accounts = quick ? 150 : 10_000;
        int years = quick ? 1 : 5;
        long seed = 7;
        int basePort = 38081;
        int kafkaPort = 39092;
        int postgresPort = 65432;
        List<Integer> concurrency = List.of(1, 8, 32);
        int measure = quick ? 2 : 10;
        int warmUp = quick ? 500 : 3000;
        int loadClients = 4;
        int freshness = quick ? 5 : 30;
        int read = quick ? 5 : 30;
        int readers = 20;
        int portfolioReaders = 4;
        int starts = quick ? 1 : 3;
        int replayMinutes = quick ? 3 : 6;
        int reportTimeout = quick ? 30 : 60;
        boolean record = false;
        int timeout = 120;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--quick" -> {
                    continue;
                }
                case "--record" -> {
                    record = true;
                    continue;
                }
                default -> {
                }
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(arg + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            switch (arg) {
                case "--accounts" -> accounts = positive(arg, value);
                case "--years" -> years = positive(arg, value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--measure-seconds" -> measure = positive(arg, value);
                case "--warm-up-ms" -> warmUp = Integer.parseInt(value);
                case "--concurrency" -> concurrency = List.of(value.split(",")).stream().map(v -> positive(arg, v.trim())).toList();
                case "--freshness-seconds" -> freshness = positive(arg, value);
                case "--read-seconds" -> read = positive(arg, value);
                case "--readers" -> readers = positive(arg, value);
                case "--portfolio-readers" -> portfolioReaders = Integer.parseInt(value);
                case "--starts" -> starts = positive(arg, value);
                case "--replay-minutes" -> replayMinutes = positive(arg, value);
                case "--report-timeout-seconds" -> reportTimeout = positive(arg, value);
                case "--load-clients" -> loadClients = positive(arg, value);
                case "--attach" -> {
                    attach = true;
                    home = Path.of(value).toAbsolutePath();
                }
                case "--home" -> home = Path.of(value).toAbsolutePath();
                case "--base-port" -> basePort = positive(arg, value);
                case "--kafka-port" -> kafkaPort = positive(arg, value);
                case "--postgres-port" -> postgresPort = positive(arg, value);
                case "--timeout-minutes" -> timeout = positive(arg, value);
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        if (portfolioReaders >= readers) {
            throw new IllegalArgumentException("--portfolio-readers must be below --readers");
        }
        return new BenchOptions(repo, home, quick, attach, accounts, years, seed, basePort, kafkaPort, postgresPort,
                concurrency, measure, warmUp, loadClients, freshness, read, readers, portfolioReaders, starts, replayMinutes,
                reportTimeout, record, timeout, List.of(args));
    }

    private static int positive(String option, String value) {
        int n = Integer.parseInt(value);
        if (n < 1) {
            throw new IllegalArgumentException(option + " must be at least 1");
        }
        return n;
    }

    public String mode() {
        return quick ? "quick" : "full";
    }
}
