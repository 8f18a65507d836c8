package io.kamplatform.local;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The launcher's Kafka broker, a child JVM running {@link KafkaBrokerMain} on the launcher's own classpath, with
 * its data kept in HOME/kafka and its output in HOME/logs/kafka.log.
 */
final class KafkaProcess implements ManagedProcess {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final Path home;
    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private final LogFile log;

    KafkaProcess(Path home, int port, int controllerPort, Path dataDir, Path log) {
        this.home = home;
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir;
        this.log = new LogFile(log);
    }

    @Override
    public String name() {
        return "kafka";
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    @Override
    public Process start(boolean restart) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ServiceProcess.javaBinary());
        command.addAll(Leftovers.tags(home, name()));
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow"); // Kafka still uses sun.misc.Unsafe
        }
        command.addAll(List.of(
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.log.kafka=error",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=error",
                KafkaBrokerMain.class.getName(),
                Integer.toString(port), Integer.toString(controllerPort), dataDir.toString()));
        ProcessBuilder builder = new ProcessBuilder(OwnSession.command(command))
                .redirectErrorStream(true)
                .redirectOutput(log.redirect(restart));
        // Through the environment: a command line of hundreds of jars would be unreadable in ps.
        builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        return builder.start();
    }

    @Override
    public boolean awaitReady(Process process, Duration timeout) {
        return KafkaReadiness.await(bootstrapServers(), timeout, process::isAlive) == null;
    }

    /** SIGTERM: the broker's shutdown hook closes it cleanly (flushes logs, writes its clean-shutdown marker). */
    @Override
    public void stop(Process process) {
        if (Signals.terminate(process.toHandle(), STOP_GRACE)) {
            System.out.println("  Kafka did not stop within " + STOP_GRACE.toSeconds() + " s: killed it");
        }
    }

    @Override
    public java.nio.file.Path log() {
        return log.path();
    }

    @Override
    public String failureDetail() {
        return "Last lines of " + log + ":\n" + log.tail(30);
    }
}
