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
 * Runs the whole platform on one machine without Docker: PostgreSQL (persistent data under the home directory),
 * Kafka (data kept in HOME/kafka, like PostgreSQL's), the signing keys, then the three services from their built jars. Ctrl-C stops the services
 * first (so they leave their consumer groups cleanly), then Kafka, then PostgreSQL.
 */
public final class KamPlatformLauncher {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

    private final LauncherOptions options;
    private final List<ServiceProcess> services = new ArrayList<>();
    private LocalPostgres postgres;
    private LocalKafka kafka;
    private boolean stopped;

    private KamPlatformLauncher(LauncherOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        // Before any logger exists: the launcher's own console output is the interface; libraries only warn.
        defaultProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        // A fresh single-node broker warns about things that are normal for it (empty metadata log, ...).
        defaultProperty("org.slf4j.simpleLogger.log.kafka", "error");
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
        } catch (LaunchFailure e) {
            System.err.println();
            System.err.println("ERROR: " + e.getMessage());
            System.exit(1); // the shutdown hook stops whatever was started
        } catch (RuntimeException e) {
            System.err.println();
            System.err.println("ERROR: the local platform did not start:");
            e.printStackTrace();
            System.exit(1);
        }
        new CountDownLatch(1).await(); // until Ctrl-C
    }

    private void run() throws InterruptedException {
        Path home = options.home();
        System.out.println("KAM local platform, data in " + home);
        List<PlatformService> toStart = servicesToStart();
        checkPorts(toStart);
        createDirectories(home.resolve("logs"));

        long t = System.nanoTime();
        LocalPostgres pg = LocalPostgres.start(options.postgresPort(), home.resolve("postgres"));
        synchronized (this) {
            postgres = pg;
            abortIfStopping();
        }
        for (PlatformService s : PlatformService.ALL) {
            postgres.createDatabaseIfMissing(s.database());
        }
        System.out.printf("  PostgreSQL 17 ready on port %d (%s)%n", postgres.port(), since(t));

        t = System.nanoTime();
        LocalKafka broker = LocalKafka.startKept(options.kafkaPort(), options.kafkaPort() + 1, home.resolve("kafka"));
        synchronized (this) {
            kafka = broker;
            abortIfStopping();
        }
        System.out.printf("  Kafka 4.1 (KRaft) ready on %s (%s)%n", kafka.bootstrapServers(), since(t));

        LocalKeys keys = LocalKeys.loadOrCreate(home.resolve("keys"));
        for (PlatformService s : toStart) {
            startService(s, keys);
        }
        for (ServiceProcess s : services) {
            t = System.nanoTime();
            if (!s.awaitReady(READY_TIMEOUT)) {
                throw new LaunchFailure(s.name() + (s.isAlive() ? " was not ready within " + READY_TIMEOUT.toSeconds()
                        + " s" : " exited") + ". Last lines of " + s.log() + ":\n" + s.logTail(40));
            }
            System.out.printf("  %s ready on %s (%s)%n", s.name(), s.url(), since(t));
        }

        TokenMinter minter = new TokenMinter(keys.privateKey());
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String role : Roles.ALL) {
            tokens.put(role, minter.mint("local-" + role, TOKEN_LIFETIME, role));
        }
        Path tokensFile = writeTokens(home, tokens);
        boolean demo = options.demo() && services.size() == PlatformService.ALL.size();
        if (demo) {
            DemoLoad.run(home, options.demoSeed(), services.get(0).url(), services.get(1).url(),
                    tokens.get(Roles.CRM_WRITER), System.out);
        }
        Banner.print(System.out, services, kafka.bootstrapServers(), postgres, tokens, tokensFile.toString());
        if (demo) {
            io.kamplatform.local.demo.DemoStories.print(System.out, services.get(2).url());
        }
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
                    + ". Is the platform already running? Otherwise pick other ports, e.g. --base-port 9081 "
                    + "--kafka-port 29092 --postgres-port 25432.");
        }
    }

    private void startService(PlatformService s, LocalKeys keys) {
        int port = options.basePort() + s.portOffset();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(s.database()));
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl(s.database()));
        env.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKeyPath().toAbsolutePath().toString());
        env.put("MP_JWT_VERIFY_ISSUER", TokenMinter.ISSUER);
        Path log = options.home().resolve("logs").resolve(s.directory() + ".log");
        ServiceProcess process = ServiceProcess.start(s.directory(), s.jar(options.repo()), port, env, log);
        synchronized (this) {
            services.add(process);
            abortIfStopping();
        }
        System.out.println("  Starting " + s.directory() + " on port " + port + " (log: " + log + ")");
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

    /** Shutdown hook: services, then Kafka, then PostgreSQL. Each step runs even if an earlier one failed. */
    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        System.out.println();
        System.out.println("Stopping KAM local platform...");
        services.forEach(ServiceProcess::requestStop);
        services.forEach(s -> s.awaitStop(STOP_GRACE));
        if (!services.isEmpty()) {
            System.out.println("  services stopped");
        }
        if (kafka != null) {
            quietly("Kafka", kafka::close);
        }
        if (postgres != null) {
            quietly("PostgreSQL", postgres::close);
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
        try {
            action.run();
            System.out.println("  " + what + " stopped");
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
