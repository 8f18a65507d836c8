package io.kamplatform.reporting.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole platform as a user runs it, once for every IT of this module: ./deploy/local/run (PostgreSQL, Kafka and
 * the three services as built artifacts, the demo portfolio loaded), stopped with SIGTERM when the test run ends.
 */
public final class LocalPlatform implements BeforeAllCallback {

    public static final Path REPO = Path.of(System.getProperty("kam.repo", "..")).toAbsolutePath().normalize();
    public static final Path HOME = REPO.resolve("reporting-service/target/e2e-home");
    public static final int BASE_PORT = 28081;
    public static final String ACCOUNTS = "http://localhost:" + BASE_PORT;
    public static final String RELATIONSHIPS = "http://localhost:" + (BASE_PORT + 1);
    public static final String REPORTS = "http://localhost:" + (BASE_PORT + 2);

    /** What the launcher handed out: bearer tokens by variable (KAM_TOKEN_KAM_READER, ...) and the dashboard link. */
    public record Running(Process process, Map<String, String> tokens, String dashboardLink)
            implements AutoCloseable, ExtensionContext.Store.CloseableResource {

        @Override
        public void close() throws InterruptedException {
            process.destroy(); // SIGTERM: the launcher stops services, then Kafka, then PostgreSQL
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static Running running;

    @Override
    public void beforeAll(ExtensionContext context) {
        running = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(LocalPlatform.class, key -> start(), Running.class);
    }

    public static Running running() {
        if (running == null) {
            throw new IllegalStateException("@ExtendWith(LocalPlatform.class) starts the platform");
        }
        return running;
    }

    private static Running start() {
        try {
            deleteRecursively(HOME);
            Files.createDirectories(HOME);
            Path log = HOME.resolve("launcher.log");
            ProcessBuilder builder = new ProcessBuilder(REPO.resolve("deploy/local/run").toString(),
                    "--home", HOME.toString(), "--base-port", Integer.toString(BASE_PORT),
                    "--kafka-port", "29092", "--postgres-port", "25432")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("KAM_SKIP_BUILD", "1");
            Process platform = builder.start();
            long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
            while (!Files.readString(log).contains("is running locally")) {
                if (!platform.isAlive() || System.nanoTime() > deadline) {
                    platform.destroy();
                    throw new IllegalStateException("the platform did not start:\n" + Files.readString(log));
                }
                Thread.sleep(250);
            }
            Map<String, String> tokens = new HashMap<>();
            for (String line : Files.readAllLines(HOME.resolve("tokens.env"))) {
                if (line.startsWith("export ")) {
                    String[] pair = line.substring(7).split("=", 2);
                    tokens.put(pair[0], pair[1].replace("'", "").replace("\"", ""));
                }
            }
            // The banner is complete shortly after its first line.
            Thread.sleep(500);
            List<String> lines = Files.readAllLines(log);
            String link = lines.stream().map(String::strip).filter(l -> l.startsWith(REPORTS + "/sign-in/local?ticket="))
                    .findFirst().orElseThrow(() -> new IllegalStateException("the launcher printed no dashboard link"));
            return new Running(platform, Map.copyOf(tokens), link);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
