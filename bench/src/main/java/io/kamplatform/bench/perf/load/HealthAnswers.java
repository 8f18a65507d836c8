package io.kamplatform.bench.perf.load;

/**
 * How reporting-service answered the account health reports for now during a measurement, from its metrics
 * ({@code kam_read_models_current_health_total{answered="read"|"folded"}}): read from the account's current summary, or
 * folded from its history because that summary was stale or missing. Under W4's writes the folded share says whether the
 * current summaries keep up with the events (a third of the reports folded on 2026-12-02 morning), and a fold costs
 * several times a read.
 */
public final class HealthAnswers {

    private static final String METRIC = "kam_read_models_current_health_total{";

    /** Reports answered each way since the service started. */
    record Totals(long read, long folded) {
    }

    private final ServiceMetrics metrics;
    private final Totals start;

    private HealthAnswers(ServiceMetrics metrics) {
        this.metrics = metrics;
        this.start = metrics.read(HealthAnswers::parse);
    }

    /** Starts counting the answers of the service whose metrics are at {@code metricsUrl} (no token needed). */
    public static HealthAnswers start(Http http, String metricsUrl) {
        return new HealthAnswers(new ServiceMetrics(http, metricsUrl));
    }

    /** "health reports for now: N read, M folded (P%)", or why it could not be told. */
    public String describe() {
        Totals now = metrics.read(HealthAnswers::parse);
        if (start == null || now == null) {
            return "health answers unknown (no metrics at " + metrics.url() + ")";
        }
        return describe(new Totals(now.read() - start.read(), now.folded() - start.folded()));
    }

    static String describe(Totals during) {
        long all = during.read() + during.folded();
        return "health reports for now: %,d read, %,d folded (%.0f%%)".formatted(during.read(), during.folded(),
                all == 0 ? 0.0 : 100.0 * during.folded() / all);
    }

    /** The two counters in a Prometheus text exposition (0 when absent: nothing answered yet). */
    static Totals parse(String exposition) {
        double read = 0;
        double folded = 0;
        for (String line : exposition.split("\n")) {
            if (line.startsWith(METRIC) && line.contains("answered=\"read\"")) {
                read += ServiceMetrics.value(line);
            } else if (line.startsWith(METRIC) && line.contains("answered=\"folded\"")) {
                folded += ServiceMetrics.value(line);
            }
        }
        return new Totals(Math.round(read), Math.round(folded));
    }
}
