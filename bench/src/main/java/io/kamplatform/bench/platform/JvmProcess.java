package io.kamplatform.bench.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Quarkus jar the benchmark starts itself, the way the launcher starts the services ({@code java -jar}, the same
 * java binary, no JVM flags): the empty app, a second reporting-service for the replay, fresh instances for W5.
 * It measures the time from spawning the process to the first 200 of a URL.
 */
public final class JvmProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    private final Process process;
    private final long spawnedAt;
    private final Path log;

    private JvmProcess(Process process, long spawnedAt, Path log) {
        this.process = process;
        this.spawnedAt = spawnedAt;
        this.log = log;
    }

    /** The java binary this JVM runs on: the launcher also starts services with its own. */
    public static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The heap ./deploy/local/run gives each service (its --service-heap default), so W5 compares like with like. */
    static final String HEAP = "448m";

    public static JvmProcess start(Path jar, Map<String, String> environment, Path log) throws IOException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: bench/bench builds it unless KAM_SKIP_BUILD is set");
        }
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(List.of(javaBinary(), "-Xmx" + HEAP, "-jar", jar.toString()))
                .directory(jar.getParent().toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        long t = System.nanoTime();
        return new JvmProcess(builder.start(), t, log);
    }

    /** Seconds from spawning the process to the first 200 of {@code url}; fails after {@code timeout}. */
    public double awaitFirst200(String url, Duration timeout) throws IOException, InterruptedException {
        long deadline = spawnedAt + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
        while (true) {
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - spawnedAt) / 1e9;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(url + " gave no 200 (process " + (process.isAlive() ? "running" : "exited")
                        + "); see " + log);
            }
            Thread.sleep(20);
        }
    }

    public long pid() {
        return process.pid();
    }

    /** Resident set size in MiB, from /proc (Linux). */
    public double rssMib() {
        return rssMib(process.pid());
    }

    public static double rssMib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            // not Linux, or the process is gone
        }
        return Double.NaN;
    }

    /** SIGTERM (Quarkus shuts down gracefully), SIGKILL after 20 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
