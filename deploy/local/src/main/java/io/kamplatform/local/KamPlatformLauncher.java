package io.kamplatform.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the whole platform on one machine without Docker: PostgreSQL (durable, data under the home directory),
 * Kafka (a child JVM, data kept in HOME/kafka), the signing keys, then the three services from their built jars.
 * Each runs as a child process under a {@link Supervisor}, which restarts it when it dies. Ctrl-C stops the
 * services first (so they leave their consumer groups cleanly), then Kafka, then PostgreSQL. What a launcher
 * killed without stopping left running is cleaned up by the next one ({@link Leftovers}).
 */
public final class KamPlatformLauncher {

    private static final Duration SERVICE_READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration INFRA_READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(12);
    /** How long the banner waits for the reports to show the demo. */
    private static final Duration DEMO_CATCH_UP = Duration.ofSeconds(120);

    private final LauncherOptions options;
    private final List<Supervisor> services = new ArrayList<>();
    private RunState runState;
    private Supervisor postgres;
    private Supervisor kafka;
    private boolean stopped;

    private KamPlatformLauncher(LauncherOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        // Before any logger exists: the launcher's own console output is the interface; libraries only warn.
        defaultProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        defaultProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        LauncherOptions options;
        try {
            options = LauncherOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(LauncherOptions.USAGE);
            return;
        }
        KamPlatformLauncher launcher = new KamPlatformLauncher(options);
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "kam-launcher-stop"));
        try {
            launcher.run();
        } catch (LaunchFailure | Supervisor.StartFailure e) {
            System.err.println();
            System.err.println("ERROR: " + e.getMessage());
            System.exit(1); // the shutdown hook stops whatever was started
        } catch (RuntimeException | IOException e) {
            System.err.println();
            System.err.println("ERROR: the local platform did not start:");
            e.printStackTrace();
            System.exit(1);
        }
        new CountDownLatch(1).await(); // until Ctrl-C
    }

    private void run() throws InterruptedException, IOException {
        Path home = options.home();
        System.out.println("KAM local platform, data in " + home);
        createDirectories(home.resolve("logs"));
        RunState state;
        try {
            state = RunState.acquire(home);
        } catch (RunState.AlreadyRunning e) {
            throw new LaunchFailure(e.getMessage());
        }
        synchronized (this) {
            runState = state;
            abortIfStopping();
        }
        cleanUpAfterCrashedRun(home, state);
        List<PlatformService> toStart = servicesToStart();
        checkPorts(toStart);

        long t = System.nanoTime();
        PostgresProcess pg = new PostgresProcess(home.resolve("postgres"), options.postgresPort(),
                home.resolve("logs").resolve("postgres.log"));
        startAndAwait(postgres = supervisor(pg, INFRA_READY_TIMEOUT));
        for (PlatformService s : PlatformService.ALL) {
            pg.server().createDatabaseIfMissing(s.database());
        }
        System.out.printf("  PostgreSQL 17 ready on port %d, pid %d (%s)%n", options.postgresPort(),
                postgres.handle().pid(), since(t));

        t = System.nanoTime();
        KafkaProcess broker = new KafkaProcess(home, options.kafkaPort(), options.kafkaPort() + 1,
                home.resolve("kafka"), home.resolve("logs").resolve("kafka.log"));
        startAndAwait(kafka = supervisor(broker, INFRA_READY_TIMEOUT));
        System.out.printf("  Kafka 4.1 (KRaft) ready on %s, pid %d (%s)%n", broker.bootstrapServers(),
                kafka.handle().pid(), since(t));
        // Members left by services that were killed (their sessions may not have expired yet).
        int forgotten = ConsumerGroups.forgetMembers(broker.bootstrapServers(),
                toStart.stream().flatMap(s -> s.consumerGroups().stream()).toList());
        if (forgotten > 0) {
            System.out.println("  Removed " + forgotten + " stale consumer-group member(s) of killed services");
        }

        LocalKeys keys = LocalKeys.loadOrCreate(home.resolve("keys"));
        if (!toStart.isEmpty()) {
            System.out.println("  Tracing " + options.tracing().describe());
        }
        List<ServiceProcess> started = new ArrayList<>();
        for (PlatformService s : toStart) {
            ServiceProcess process = service(s, pg.server(), broker.bootstrapServers(), keys);
            Supervisor supervisor = supervisor(process, SERVICE_READY_TIMEOUT);
            synchronized (this) {
                services.add(supervisor);
                abortIfStopping();
                supervisor.spawn();
            }
            started.add(process);
            System.out.println("  Starting " + s.directory() + " on port " + process.port() + " (log: "
                    + process.log() + ")");
        }
        for (int i = 0; i < services.size(); i++) {
            t = System.nanoTime();
            services.get(i).awaitFirstReady();
            System.out.printf("  %s ready on %s, pid %d (%s)%n", started.get(i).name(), started.get(i).url(),
                    services.get(i).handle().pid(), since(t));
        }

        TokenMinter minter = new TokenMinter(keys.privateKey());
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String role : Roles.ALL) {
            tokens.put(role, minter.mint("local-" + role, TOKEN_LIFETIME, role));
        }
        Path tokensFile = writeTokens(home, tokens);
        boolean demo = options.demo() && started.size() == PlatformService.ALL.size();
        if (demo) {
            DemoLoad.run(home, options.demoSeed(), started.get(0).url(), started.get(1).url(),
                    tokens.get(Roles.CRM_WRITER), System.out);
            ProjectionCatchUp.await(broker.bootstrapServers(), "reporting-service", DEMO_CATCH_UP, System.out);
        }
        String dashboard = started.stream().filter(s -> s.name().equals("reporting-service")).findFirst()
                .map(s -> DashboardLink.create(minter, s.url())).orElse(null);
        Banner.print(System.out, started, broker.bootstrapServers(), pg.server(), tokens, tokensFile.toString(),
                state.file().toString(), dashboard);
        if (demo) {
            io.kamplatform.local.demo.DemoStories.print(System.out, started.get(2).url(),
                    DemoLoad.knownBeforeLate(home).orElse(null));
        }
        state.ready(RunState.LAUNCHER);
    }

    /** A previous launcher on this home was killed: stop what it left running before taking the ports. */
    private static void cleanUpAfterCrashedRun(Path home, RunState state) {
        long t = System.nanoTime();
        var leftovers = new Leftovers(home, home.resolve("postgres")).stop(state.previous());
        var previousLauncher = RunState.record(state.previous(), RunState.LAUNCHER);
        if (!leftovers.isEmpty()) {
            System.out.println("  A previous run" + previousLauncher.map(r -> " (launcher pid " + r.pid() + ")").orElse("")
                    + " ended without stopping its processes. Stopped: " + String.join(", ", leftovers)
                    + " (" + since(t) + ")");
        } else if (previousLauncher.isPresent()) {
            System.out.println("  A previous run (launcher pid " + previousLauncher.get().pid()
                    + ") ended without stopping; nothing of it was still running");
        }
    }

    private Supervisor supervisor(ManagedProcess process, Duration readyTimeout) {
        return new Supervisor(process, runState, System.out, Backoff.DEFAULT, readyTimeout);
    }

    private void startAndAwait(Supervisor supervisor) throws IOException, InterruptedException {
        synchronized (this) {
            abortIfStopping();
            supervisor.spawn();
        }
        supervisor.awaitFirstReady();
    }

    private ServiceProcess service(PlatformService s, PostgresServer db, String bootstrapServers, LocalKeys keys) {
        int port = options.basePort() + s.portOffset();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl(s.database()));
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", db.reactiveUrl(s.database()));
        env.put("QUARKUS_DATASOURCE_USERNAME", db.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", db.password());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKeyPath().toAbsolutePath().toString());
        env.put("MP_JWT_VERIFY_ISSUER", TokenMinter.ISSUER);
        // The dashboard's session cookies stay valid when the supervisor restarts reporting-service.
        env.put("KAM_DASHBOARD_SESSION_SECRET", DashboardLink.sessionSecret(keys.directory()));
        // Webhook secrets stay readable across restarts (reporting-service README "Webhooks"); local receivers allowed.
        env.put("KAM_WEBHOOKS_ENCRYPTION_KEY", DashboardLink.webhooksKey(keys.directory()));
        env.put("KAM_WEBHOOKS_ALLOW_LOCALHOST", "true");
        env.putAll(options.tracing().serviceEnvironment());
        Path log = options.home().resolve("logs").resolve(s.directory() + ".log");
        // Before a restart: the dead instance's consumers would otherwise hold its partitions for a session timeout.
        Runnable forgetDeadMembers = () -> {
            int removed = ConsumerGroups.forgetMembers(bootstrapServers, s.consumerGroups());
            if (removed > 0) {
                System.out.println("  " + s.directory() + ": removed " + removed + " consumer-group member(s) of the"
                        + " dead instance");
            }
        };
        return ServiceProcess.ofJar(s.directory(), s.jar(options.repo()), options.home(), options.serviceHeap(), port, env, log,
                forgetDeadMembers);
    }

    /** Services whose jar exists; the others are skipped with a message saying how to build them. */
    private List<PlatformService> servicesToStart() {
        List<PlatformService> result = new ArrayList<>();
        if (!options.services()) {
            return result;
        }
        for (PlatformService s : PlatformService.ALL) {
            if (Files.isRegularFile(s.jar(options.repo()))) {
                result.add(s);
            } else {
                System.out.println("  Skipping " + s.directory() + ": " + s.jar(options.repo())
                        + " does not exist (build it with ./mvnw install -DskipTests)");
            }
        }
        return result;
    }

    /** Fails before starting anything, naming the port and the option that moves it. */
    private void checkPorts(List<PlatformService> toStart) {
        Map<Integer, String> wanted = new LinkedHashMap<>();
        wanted.put(options.postgresPort(), "PostgreSQL (change with --postgres-port)");
        wanted.put(options.kafkaPort(), "Kafka (change with --kafka-port)");
        wanted.put(options.kafkaPort() + 1, "the Kafka controller, --kafka-port + 1 (change with --kafka-port)");
        for (PlatformService s : toStart) {
            wanted.put(options.basePort() + s.portOffset(), s.directory() + " (change with --base-port)");
        }
        List<String> taken = new ArrayList<>();
        wanted.forEach((port, user) -> {
            if (!Ports.isFree(port)) {
                taken.add("port " + port + " for " + user);
            }
        });
        if (!taken.isEmpty()) {
            throw new LaunchFailure("already in use: " + String.join("; ", taken)
                    + ". Another program (or a KAM platform on another --home) uses it: pick other ports, e.g. "
                    + "--base-port 9081 --kafka-port 29092 --postgres-port 25432.");
        }
    }

    /**
     * Ctrl-C while something was starting: the hook has already run, so stop what just started and end this thread.
     * Caller holds the lock.
     */
    private void abortIfStopping() {
        if (stopped) {
            stopped = false;
            stop();
            throw new LaunchFailure("interrupted");
        }
    }

    /**
     * Shutdown hook: services, then Kafka, then PostgreSQL. Each step runs even if an earlier one failed. Every
     * supervisor stops watching first, so that a process ending during the shutdown is not restarted.
     */
    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (runState == null) {
            return; // nothing was started (e.g. another launcher runs on this home)
        }
        System.out.println();
        System.out.println("Stopping KAM local platform...");
        List<Supervisor> all = new ArrayList<>(services);
        if (kafka != null) {
            all.add(kafka);
        }
        if (postgres != null) {
            all.add(postgres);
        }
        all.forEach(Supervisor::stopWatching);
        List<Thread> stopping = services.stream()
                .map(s -> Thread.ofPlatform().name("stop-" + s.name()).start(() -> quietly(s.name(), s::stop)))
                .toList();
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (kafka != null) {
            quietly("Kafka", kafka::stop);
        }
        if (postgres != null) {
            quietly("PostgreSQL", postgres::stop);
        }
        try {
            runState.close();
        } catch (RuntimeException e) {
            System.out.println("  " + runState.file() + " could not be removed: " + e.getMessage());
        }
        System.out.println("Stopped.");
        System.out.flush();
    }

    private static void defaultProperty(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }

    private static void quietly(String what, Runnable action) {
        long t = System.nanoTime();
        try {
            action.run();
            System.out.println("  " + what + " stopped (" + since(t) + ")");
        } catch (RuntimeException e) {
            System.out.println("  " + what + " did not stop cleanly: " + e);
        }
    }

    private static Path writeTokens(Path home, Map<String, String> tokens) {
        StringBuilder env = new StringBuilder("# source this file to get the local bearer tokens (valid 12 hours)\n");
        tokens.forEach((role, token) -> env.append("export ").append(Banner.tokenVariable(role)).append('=')
                .append(token).append('\n'));
        Path file = home.resolve("tokens.env");
        try {
            Files.writeString(file, env);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new LaunchFailure("cannot create " + dir + ": " + e.getMessage());
        }
    }

    private static String since(long startNanos) {
        return String.format("%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }

    /** A failure the user can act on: printed without a stack trace. */
    private static final class LaunchFailure extends RuntimeException {
        LaunchFailure(String message) {
            super(message);
        }
    }
}
