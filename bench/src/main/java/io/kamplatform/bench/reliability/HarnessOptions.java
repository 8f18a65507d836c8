package io.kamplatform.bench.reliability;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The reliability harness's command line. */
record HarnessOptions(Path repo, Path home, List<Fault> faults, int events, int clients, double killAt, int busyLoops,
                      int basePort, int kafkaPort, int postgresPort, long seed, int timeoutMinutes) {

    static final String USAGE = """
            Usage: bench/faults [options]
              --kill T[,T...]     what to kill -9 during the load, one run each: account-service, relationship-service,
                                  reporting-service, kafka, postgres, launcher; 'all' (default) = each of them in turn;
                                  'none' = no fault (a soak of the outbox and the projection)
              --events N          events to post per run (default 100000; about 40 per account)
              --clients N         concurrent CRM clients posting batches (default 4)
              --kill-at F         kill when this fraction of the events is acknowledged (default 0.4)
              --busy-loops N      threads that burn CPU during the load, to starve the platform (default 0)
              --home DIR          where runs keep their platform data (default bench/target/faults)
              --base-port N       first service port (default 48081); --kafka-port (49092); --postgres-port (45432)
              --seed N            portfolio seed (default 10)
              --timeout-minutes N per run, for load plus catching up (default 30)
            Each run starts a fresh platform with ./deploy/local/run, posts the events through the public batch APIs,
            retrying like a CRM integration until every item is acknowledged, kills one component half-way, waits for
            the launcher to restart it and the pipeline to catch up, then checks every acknowledged event: in the
            event store, on Kafka, in the reporting read model exactly once, and in the revenue the reports show.
            Exit status 1 when any run lost or double-counted an event.""";

    static HarnessOptions parse(Path repo, String[] args) {
        Path home = repo.resolve("bench/target/faults");
        List<Fault> faults = new ArrayList<>(Arrays.asList(Fault.values()));
        faults.remove(Fault.NONE);
        int events = 100_000;
        int clients = 4;
        double killAt = 0.4;
        int busy = 0;
        int basePort = 48081;
        int kafkaPort = 49092;
        int postgresPort = 45432;
        long seed = 10;
        int timeout = 30;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return null;
            }
            String value = i + 1 < args.length ? args[++i] : null;
            if (value == null) {
                throw new IllegalArgumentException(arg + " needs a value\n" + USAGE);
            }
            switch (arg) {
                case "--kill" -> faults = Fault.parseList(value);
                case "--events" -> events = positive(arg, value);
                case "--clients" -> clients = positive(arg, value);
                case "--kill-at" -> killAt = Double.parseDouble(value);
                case "--busy-loops" -> busy = Integer.parseInt(value);
                case "--home" -> home = Path.of(value).toAbsolutePath();
                case "--base-port" -> basePort = positive(arg, value);
                case "--kafka-port" -> kafkaPort = positive(arg, value);
                case "--postgres-port" -> postgresPort = positive(arg, value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--timeout-minutes" -> timeout = positive(arg, value);
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        if (killAt <= 0 || killAt >= 1) {
            throw new IllegalArgumentException("--kill-at must be between 0 and 1");
        }
        return new HarnessOptions(repo, home, faults, events, clients, killAt, busy, basePort, kafkaPort, postgresPort,
                seed, timeout);
    }

    private static int positive(String option, String value) {
        int n = Integer.parseInt(value);
        if (n < 1) {
            throw new IllegalArgumentException(option + " must be at least 1");
        }
        return n;
    }
}
