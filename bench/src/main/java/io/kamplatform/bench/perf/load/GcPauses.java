package io.kamplatform.bench.perf.load;

/**
 * A service's stop-the-world GC pauses during a measurement, from its Micrometer metrics ({@code /q/metrics}:
 * {@code jvm_gc_pause_seconds_count} and {@code _sum}, summed over collectors and causes, plus G1's Remark and Cleanup
 * pauses, which Micrometer files under {@code jvm_gc_concurrent_phase_time_seconds} with the action
 * {@code "end of concurrent GC pause"}: 0.45 s of 1.54 s paused in 40 s of W4's mix on the profiling platform, the
 * longest Remark in a JFR recording of it 152 ms; left out of this count until 2026-12-02). A closed-loop reader that
 * meets a pause waits it out, so on a shared machine — where the collector's threads compete with everything else for
 * the cores and a pause stretches with them — the pauses set a floor under a report's p99.
 */
public final class GcPauses {

    private static final String CONCURRENT_PAUSE = "action=\"end of concurrent GC pause\"";

    /** Pauses and time paused since the JVM started. */
    record Totals(long pauses, double seconds) {
    }

    private final ServiceMetrics metrics;
    private final Totals start;
    private final long startNanos = System.nanoTime();

    private GcPauses(ServiceMetrics metrics) {
        this.metrics = metrics;
        this.start = metrics.read(GcPauses::parse);
    }

    /** Starts counting the pauses of the service whose metrics are at {@code metricsUrl} (no token needed). */
    public static GcPauses start(Http http, String metricsUrl) {
        return new GcPauses(new ServiceMetrics(http, metricsUrl));
    }

    /** "N GC pauses, X s paused (P% of the time), mean M ms", or why it could not be told. */
    public String describe() {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        Totals now = metrics.read(GcPauses::parse);
        if (start == null || now == null) {
            return "GC pauses unknown (no metrics at " + metrics.url() + ")";
        }
        return describe(new Totals(now.pauses() - start.pauses(), now.seconds() - start.seconds()), wall);
    }

    static String describe(Totals during, double wallSeconds) {
        return "%d GC pauses, %.2f s paused (%.0f%% of the time), mean %.0f ms".formatted(during.pauses(),
                during.seconds(), 100 * during.seconds() / wallSeconds,
                during.pauses() == 0 ? 0.0 : 1000 * during.seconds() / during.pauses());
    }

    /**
     * The totals in a Prometheus text exposition: every {@code jvm_gc_pause_seconds_count} and {@code _sum} line, and
     * the concurrent collector's pauses ({@code jvm_gc_concurrent_phase_time_seconds} lines of the action
     * {@code "end of concurrent GC pause"}; its other phases run beside the application).
     */
    static Totals parse(String exposition) {
        double count = 0;
        double seconds = 0;
        for (String line : exposition.split("\n")) {
            boolean pause = line.startsWith("jvm_gc_pause_seconds_")
                    || line.startsWith("jvm_gc_concurrent_phase_time_seconds_") && line.contains(CONCURRENT_PAUSE);
            if (pause && line.contains("_count{")) {
                count += ServiceMetrics.value(line);
            } else if (pause && line.contains("_sum{")) {
                seconds += ServiceMetrics.value(line);
            }
        }
        return new Totals(Math.round(count), seconds);
    }
}
