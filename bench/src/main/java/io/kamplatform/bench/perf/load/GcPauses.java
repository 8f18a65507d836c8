package io.kamplatform.bench.perf.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A service's stop-the-world GC pauses during a measurement, from its Micrometer metrics ({@code /q/metrics}:
 * {@code jvm_gc_pause_seconds_count} and {@code _sum}, summed over collectors and causes). A closed-loop reader that
 * meets a pause waits it out, so on a shared machine — where the collector's threads compete with everything else for
 * the cores and a pause stretches with them — the pauses set a floor under a report's p99.
 */
public final class GcPauses {

    /** Pauses and time paused since the JVM started. */
    record Totals(long pauses, double seconds) {
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String metricsUrl;
    private final Totals start;
    private final long startNanos = System.nanoTime();

    private GcPauses(String metricsUrl) {
        this.metricsUrl = metricsUrl;
        this.start = read(metricsUrl);
    }

    /** Starts counting the pauses of the service whose metrics are at {@code metricsUrl}. */
    public static GcPauses start(String metricsUrl) {
        return new GcPauses(metricsUrl);
    }

    /** "N GC pauses, X s paused (P% of the time), mean M ms", or why it could not be told. */
    public String describe() {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        Totals now = read(metricsUrl);
        if (start == null || now == null) {
            return "GC pauses unknown (no metrics at " + metricsUrl + ")";
        }
        return describe(new Totals(now.pauses() - start.pauses(), now.seconds() - start.seconds()), wall);
    }

    static String describe(Totals during, double wallSeconds) {
        return "%d GC pauses, %.2f s paused (%.0f%% of the time), mean %.0f ms".formatted(during.pauses(),
                during.seconds(), 100 * during.seconds() / wallSeconds,
                during.pauses() == 0 ? 0.0 : 1000 * during.seconds() / during.pauses());
    }

    private static Totals read(String metricsUrl) {
        try {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(metricsUrl))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? parse(response.body()) : null;
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The totals in a Prometheus text exposition: every {@code jvm_gc_pause_seconds_count} and {@code _sum} line. */
    static Totals parse(String exposition) {
        double count = 0;
        double seconds = 0;
        for (String line : exposition.split("\n")) {
            if (line.startsWith("jvm_gc_pause_seconds_count")) {
                count += value(line);
            } else if (line.startsWith("jvm_gc_pause_seconds_sum")) {
                seconds += value(line);
            }
        }
        return new Totals(Math.round(count), seconds);
    }

    private static double value(String line) {
        String[] parts = line.trim().split("\\s+");
        return Double.parseDouble(parts[parts.length - 1]);
    }
}
