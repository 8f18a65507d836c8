package io.kamplatform.bench.ingest;

import io.kamplatform.bench.platform.ScriptArguments;
import io.kamplatform.bench.platform.PlatformRun;
import io.kamplatform.bench.platform.PlatformSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * What durable commits cost ({@code bench/commit-cost}): the same ingest against account-service with every session
 * committing synchronously (the default: a 201 is on disk) and, for comparison only, asynchronously. Single-event
 * POSTs pay one WAL flush each; batches share it. Prints events/s and latency percentiles side by side.
 */
public final class CommitCostProbe {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int CLIENT_ACCOUNTS = 25;
    private static final int ACCOUNTS = 8 * CLIENT_ACCOUNTS;

    private final String url;
    private final String token;

    private CommitCostProbe(String url, String token) {
        this.url = url;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        Path repo = ScriptArguments.repository();
        int singles = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        List<String> rows = new ArrayList<>();
        for (String mode : List.of("on", "off")) {
            Path home = repo.resolve("bench/target/commit-cost/" + mode);
            delete(home);
            PlatformSettings settings = new PlatformSettings(repo, 58081, 59092, 55432, Map.of("JAVA_TOOL_OPTIONS",
                    "-Dquarkus.datasource.reactive.additional-properties.synchronous_commit=" + mode));
            try (PlatformRun platform = new PlatformRun(settings, home)) {
                System.out.println("synchronous_commit=" + mode + ": starting a platform");
                platform.start();
                CommitCostProbe probe = new CommitCostProbe(platform.serviceUrl(0), platform.token("KAM_TOKEN_CRM_WRITER"));
                probe.register();
                probe.single(1, singles / 4); // warm-up
                Result c1 = probe.single(1, singles);
                Result c8 = probe.single(8, singles * 2);
                Result batches = probe.batches(8, 100, singles * 10);
                rows.add("| %s | %s | %s | %s |".formatted(mode, c1, c8, batches.throughputOnly()));
            }
        }
        System.out.println();
        System.out.println("| synchronous_commit | single POST, 1 client | single POST, 8 clients | batches of 100, 8 clients |");
        System.out.println("|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    private void register() throws Exception {
        StringBuilder items = new StringBuilder();
        for (int a = 0; a < ACCOUNTS; a++) {
            items.append(a == 0 ? "" : ",").append(item(a, "reg-" + a, "AccountRegistered",
                    "{\"name\":\"Probe " + a + "\",\"sector\":\"Retail\",\"country\":\"DE\"}"));
        }
        post("/api/account-events/batch", "{\"items\":[" + items + "]}", 200);
    }

    private Result single(int clients, int events) throws Exception {
        AtomicInteger next = new AtomicInteger();
        String run = Long.toString(System.nanoTime(), 36);
        return measure(clients, events, client -> {
            int n = next.getAndIncrement();
            if (n >= events) {
                return -1;
            }
            String body = "{\"eventId\":\"s-" + run + "-" + n + "\",\"type\":\"RevenueRecognized\",\"occurredAt\":\"2026-01-10T08:00:00Z\","
                    + "\"data\":" + revenue() + "}";
            post("/api/accounts/P-" + account(client, n) + "/events", body, 201);
            return 1;
        });
    }

    private Result batches(int clients, int size, int events) throws Exception {
        AtomicInteger next = new AtomicInteger();
        String run = Long.toString(System.nanoTime(), 36);
        return measure(clients, events, client -> {
            int first = next.getAndAdd(size);
            if (first >= events) {
                return -1;
            }
            StringBuilder items = new StringBuilder();
            for (int i = 0; i < size; i++) {
                items.append(i == 0 ? "" : ",").append(item(account(client, first + i), "b-" + run + "-" + (first + i),
                        "RevenueRecognized", revenue()));
            }
            post("/api/account-events/batch", "{\"items\":[" + items + "]}", 200);
            return size;
        });
    }

    /**
     * Each client writes to its own accounts: the probe measures what a commit costs, not how writers racing for
     * the same account stream retry (that is IdempotencyAndConcurrencyTest's subject).
     */
    private static int account(int client, int n) {
        return client * CLIENT_ACCOUNTS + n % CLIENT_ACCOUNTS;
    }

    private Result measure(int clients, int events, Step step) throws Exception {
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                workers.add(pool.submit(() -> {
                    while (true) {
                        long t = System.nanoTime();
                        int n = step.run(client);
                        if (n < 0) {
                            return null;
                        }
                        latencies.add(System.nanoTime() - t);
                        done.addAndGet(n);
                    }
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(done.get() / seconds, percentile(sorted, 50), percentile(sorted, 99));
    }

    private static double percentile(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private void post(String path, String body, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static String item(int account, String eventId, String type, String data) {
        return "{\"accountId\":\"P-" + account + "\",\"eventId\":\"" + eventId + "\",\"type\":\"" + type
                + "\",\"occurredAt\":\"2026-01-10T08:00:00Z\",\"data\":" + data + "}";
    }

    private static String revenue() {
        return "{\"month\":\"2026-01\",\"revenue\":{\"amount\":\"10.00\",\"currency\":\"EUR\"},"
                + "\"costOfSales\":{\"amount\":\"6.00\",\"currency\":\"EUR\"}}";
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private interface Step {
        /** Posts one request for {@code client}; returns the events it carried, or -1 when there is nothing left. */
        int run(int client) throws Exception;
    }

    private record Result(double eventsPerSecond, double p50Millis, double p99Millis) {
        @Override
        public String toString() {
            return "%,.0f events/s, p50 %.1f ms, p99 %.1f ms".formatted(eventsPerSecond, p50Millis, p99Millis);
        }

        String throughputOnly() {
            return "%,.0f events/s".formatted(eventsPerSecond);
        }
    }
}
