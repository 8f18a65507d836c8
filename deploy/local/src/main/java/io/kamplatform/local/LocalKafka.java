package io.kamplatform.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real, single-node Apache Kafka broker (KRaft, combined broker + controller) running inside this JVM.
 *
 * <p>Tests use an ephemeral log directory: wiped before start and deleted on {@link #close()}. The launcher keeps
 * its data ({@link #startKept}, run in a JVM of its own by {@link KafkaBrokerMain}) because PostgreSQL keeps the
 * event stores: the outbox checkpoints say what was published, so a wiped topic would silently lose those events
 * for every consumer. A kept broker remembers the consumer-group members of services that died uncleanly; the
 * launcher therefore stops services before the broker and removes a killed service's members before restarting it
 * ({@link ConsumerGroups}).
 */
public final class LocalKafka implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final Path logDir;
    private final boolean keepData;
    private final int port;
    private volatile boolean closed;

    private LocalKafka(KafkaRaftServer server, Path logDir, boolean keepData, int port) {
        this.server = server;
        this.logDir = logDir;
        this.keepData = keepData;
        this.port = port;
    }

    /** Starts a broker on free ports in a fresh temporary directory. */
    public static LocalKafka start() {
        return start(0, 0, null);
    }

    /**
     * Starts a broker.
     *
     * @param port           client (PLAINTEXT) port, 0 for a free one
     * @param controllerPort KRaft controller port, 0 for a free one
     * @param logDir         log directory (wiped before start and on close), {@code null} for a temp directory
     */
    public static LocalKafka start(int port, int controllerPort, Path logDir) {
        Path dir = logDir != null ? logDir : Dirs.temp("kam-kafka-");
        Dirs.deleteQuietly(dir);
        return start(port, controllerPort, dir, false);
    }

    /**
     * Starts a broker whose data outlives it: the directory is formatted on first use and reused afterwards.
     *
     * @param dir log directory, created when missing and never deleted
     */
    public static LocalKafka startKept(int port, int controllerPort, Path dir) {
        return start(port, controllerPort, dir, true);
    }

    private static LocalKafka start(int port, int controllerPort, Path dir, boolean keepData) {
        QuietLogs.apply();
        int clientPort = Ports.orFree(port);
        int quorumPort = controllerPort != 0 ? controllerPort : freeOtherThan(clientPort);
        boolean formatted = Files.exists(dir.resolve("data").resolve("meta.properties"));
        try {
            Files.createDirectories(dir);
            Map<String, String> props = new java.util.HashMap<>(properties(clientPort, quorumPort, dir.resolve("data")));
            if (keepData) {
                // After a kill -9 the restarted broker is refused ("duplicate broker registration") until the dead
                // incarnation's session expires: 9 s by default, 3 s here. A single local node heartbeats its own
                // controller over loopback, so a short session costs nothing.
                props.put("broker.heartbeat.interval.ms", "500");
                props.put("broker.session.timeout.ms", "3000");
            }
            Path propsFile = dir.resolve("server.properties");
            Properties p = new Properties();
            p.putAll(props);
            try (var out = Files.newOutputStream(propsFile)) {
                p.store(out, "KAM local Kafka");
            }
            if (!formatted) {
                format(propsFile);
            }
            KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
            LocalKafka kafka = new LocalKafka(server, dir, keepData, clientPort);
            try {
                server.startup();
                kafka.awaitReady();
            } catch (RuntimeException e) {
                kafka.close();
                throw e;
            }
            return kafka;
        } catch (IOException e) {
            if (!keepData) {
                Dirs.deleteQuietly(dir);
            }
            throw new UncheckedIOException("Cannot prepare Kafka log directory " + dir, e);
        }
    }

    /** {@code localhost:PORT}. */
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** Stops the broker and deletes its log directory unless it is kept. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            if (!keepData) {
                Dirs.deleteQuietly(logDir);
            }
        }
    }

    private static Map<String, String> properties(int port, int controllerPort, Path data) {
        return Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@localhost:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://localhost:" + port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", data.toString()),
                Map.entry("num.partitions", "1"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("transaction.state.log.num.partitions", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                // Consumers join immediately instead of waiting 3 s for more members.
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // Topics keep everything: reporting-service rebuilds by replaying from the beginning.
                Map.entry("log.retention.ms", "-1"),
                Map.entry("auto.create.topics.enable", "true"));
    }

    /** {@code kafka-storage format}; {@code StorageTool.main} would exit the JVM, {@code execute} returns a status. */
    private static void format(Path propsFile) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int status;
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            status = StorageTool.execute(
                    new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", propsFile.toString()}, out);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka storage format failed: " + buffer.toString(StandardCharsets.UTF_8), e);
        }
        if (status != 0) {
            throw new IllegalStateException("Kafka storage format failed (" + status + "): "
                    + buffer.toString(StandardCharsets.UTF_8));
        }
    }

    /** startup() returns before the broker serves clients; describeCluster answering means it does. */
    private void awaitReady() {
        Exception failure = KafkaReadiness.await(bootstrapServers(), STARTUP_TIMEOUT, () -> true);
        if (failure != null) {
            throw new IllegalStateException("Kafka did not become ready on " + bootstrapServers()
                    + " within " + STARTUP_TIMEOUT.toSeconds() + " s", failure);
        }
    }

    private static int freeOtherThan(int port) {
        int candidate;
        do {
            candidate = Ports.free();
        } while (candidate == port);
        return candidate;
    }
}
