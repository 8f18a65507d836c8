package io.kamplatform.bench.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * One platform as a user runs it: {@code ./deploy/local/run} with its own home and ports, started and stopped by the
 * harness. The launcher writes the pid of each process it supervises to {@code HOME/run/processes.properties}; that
 * is how a fault finds its victim.
 */
public final class PlatformRun implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final PlatformSettings settings;
    private final Path home;
    private Process launcher;
    private Map<String, String> tokens = new HashMap<>();
    private int launches;

    public PlatformRun(PlatformSettings settings, Path home) {
        this.settings = settings;
        this.home = home;
    }

    public Path home() {
        return home;
    }

    /** Starts the launcher and waits until it printed its banner (everything ready). */
    public void start() throws IOException, InterruptedException {
        Files.createDirectories(home);
        Path log = home.resolve("launcher-" + (++launches) + ".log");
        ProcessBuilder builder = new ProcessBuilder(settings.repo().resolve("deploy/local/run").toString(),
                "--home", home.toString(), "--base-port", Integer.toString(settings.basePort()),
                "--kafka-port", Integer.toString(settings.kafkaPort()),
                "--postgres-port", Integer.toString(settings.postgresPort()), "--no-demo")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("KAM_SKIP_BUILD", "1");
        builder.environment().putAll(settings.environment());
        launcher = builder.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!Files.readString(log).contains("is running locally")) {
            if (!launcher.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the platform did not start; see " + log + ":\n" + tail(log));
            }
            Thread.sleep(500);
        }
        tokens = readTokens(home.resolve("tokens.env"));
    }

    /**
     * Uses a platform that already runs on this home (started by {@code ./deploy/local/run --home HOME} with the
     * settings' ports): reads its tokens; {@link #close()} then leaves it running.
     */
    public void attach() throws IOException {
        if (!Files.exists(runStateFile())) {
            throw new IllegalStateException("no platform runs on " + home + " (no " + runStateFile() + ")");
        }
        tokens = readTokens(home.resolve("tokens.env"));
    }

    public PlatformSettings settings() {
        return settings;
    }

    public String token(String variable) {
        return tokens.get(variable);
    }

    /** The pid the launcher recorded for a process (launcher, postgres, kafka, account-service, ...). */
    public long pid(String process) {
        String pid = runState().getProperty(process + ".pid");
        if (pid == null) {
            throw new IllegalStateException("no pid of " + process + " in " + runStateFile());
        }
        return Long.parseLong(pid);
    }

    public boolean ready(String process) {
        return "true".equals(runState().getProperty(process + ".ready"));
    }

    /** SIGKILL, as a crash or the OOM killer would. */
    public void kill(String process) {
        long pid = pid(process);
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        if (process.equals("launcher") && launcher != null) {
            try {
                launcher.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * SIGSTOP (pause) or SIGCONT (resume), as a process frozen by the machine and thawed later: what it had in flight
     * waits, the broker's session ends for its consumers. Java's process API has no such signals: {@code kill} does it.
     */
    public void signal(String process, boolean pause) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", pause ? "-STOP" : "-CONT", Long.toString(pid(process)))
                .redirectErrorStream(true).start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill " + (pause ? "-STOP " : "-CONT ") + process + ": "
                    + new String(kill.getInputStream().readAllBytes()).trim());
        }
    }

    public boolean launcherAlive() {
        return launcher != null && launcher.isAlive();
    }

    public String serviceUrl(int offset) {
        return "http://localhost:" + (settings.basePort() + offset);
    }

    public boolean serviceReady(int offset) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(serviceUrl(offset) + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public HttpResponse<String> get(int offset, String path, String token) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(serviceUrl(offset) + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    public Connection database(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + settings.postgresPort() + "/" + name, "postgres", "");
    }

    public String kafkaBootstrap() {
        return "localhost:" + settings.kafkaPort();
    }

    /** Ctrl-C: the launcher stops services, Kafka and PostgreSQL in order. */
    @Override
    public void close() {
        if (launcher == null) {
            return;
        }
        launcher.destroy();
        try {
            if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
                launcher.destroyForcibly();
            }
        } catch (InterruptedException e) {
            launcher.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private Path runStateFile() {
        return home.resolve("run").resolve("processes.properties");
    }

    private Properties runState() {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(runStateFile())) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static Map<String, String> readTokens(Path file) throws IOException {
        Map<String, String> tokens = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("export ")) {
                String[] pair = line.substring(7).split("=", 2);
                tokens.put(pair[0], pair[1]);
            }
        }
        return tokens;
    }

    private static String tail(Path log) throws IOException {
        var lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
