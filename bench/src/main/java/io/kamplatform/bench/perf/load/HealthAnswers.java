package io.kamplatform.bench.perf.load;

/**
 * How reporting-service answered the account health reports for now during a measurement, from its metrics
 * ({@code kam_read_models_current_health_total{answered="read"|"folded"}}): read from the account's current summary, or
 * folded from its history because that summary was stale or missing. Under W4's writes the folded share says whether the
 * current summaries keep up with the events (a third of the reports folded on 2026-12-02 morning), and a fold costs
 * several times a read. Beside them, the refresher's side of the same story: how many current summaries it computed a
 * second ({@code kam_read_models_current_refreshed_total}) and how many accounts it had left to compute at the end
 * ({@code kam_read_models_current_behind}). When the refresher and the folding reports together compute fewer
 * summaries a second than events arrive, the backlog grows and so does the folded share. And how often the refresher
 * waited because the projection was catching up ({@code kam_read_models_current_waited_total}; said only when it did).
 */
public final class HealthAnswers {

    private static final String METRIC = "kam_read_models_current_health_total{";
    private static final String REFRESHED = "kam_read_models_current_refreshed_total";
    private static final String BEHIND = "kam_read_models_current_behind";
    private static final String WAITED = "kam_read_models_current_waited_total";

    /**
     * Reports answered each way and summaries the refresher computed since the service started; the accounts behind
     * as the refresher last counted them (-1: not exported); the refresher's waits for a catch-up.
     */
    record Totals(long read, long folded, long refreshed, long behind, long waited) {
    }

    private final ServiceMetrics metrics;
    private final Totals start;
    private final long startedAt = System.nanoTime();

    private HealthAnswers(ServiceMetrics metrics) {
        this.metrics = metrics;
        this.start = metrics.read(HealthAnswers::parse);
    }

    /** Starts counting the answers of the service whose metrics are at {@code metricsUrl} (no token needed). */
    public static HealthAnswers start(Http http, String metricsUrl) {
        return new HealthAnswers(new ServiceMetrics(http, metricsUrl));
    }

    /**
     * "health reports for now: N read, M folded (P%); the refresher computed R summaries a second, B accounts behind
     * at the end", or why it could not be told.
     */
    public String describe() {
        Totals now = metrics.read(HealthAnswers::parse);
        if (start == null || now == null) {
            return "health answers unknown (no metrics at " + metrics.url() + ")";
        }
        return describe(new Totals(now.read() - start.read(), now.folded() - start.folded(),
                now.refreshed() - start.refreshed(), now.behind(), now.waited() - start.waited()),
                (System.nanoTime() - startedAt) / 1e9);
    }

    static String describe(Totals during, double seconds) {
        long all = during.read() + during.folded();
        String answers = "health reports for now: %,d read, %,d folded (%.0f%%)".formatted(during.read(), during.folded(),
                all == 0 ? 0.0 : 100.0 * during.folded() / all);
        if (during.behind() < 0) {
            return answers;
        }
        return answers + "; the refresher computed %,.0f summaries a second, %,d accounts behind at the end"
                .formatted(during.refreshed() / Math.max(seconds, 1e-9), during.behind())
                + (during.waited() > 0 ? ", waited %,d times for the projection to catch up".formatted(during.waited())
                : "");
    }

    /**
     * The counters in a Prometheus text exposition (0 when absent: nothing answered or computed yet), and the backlog
     * gauge (-1 when absent: a reporting-service without it).
     */
    static Totals parse(String exposition) {
        double read = 0;
        double folded = 0;
        double refreshed = 0;
        double behind = -1;
        double waited = 0;
        for (String line : exposition.split("\n")) {
            if (line.startsWith(METRIC) && line.contains("answered=\"read\"")) {
                read += ServiceMetrics.value(line);
            } else if (line.startsWith(METRIC) && line.contains("answered=\"folded\"")) {
                folded += ServiceMetrics.value(line);
            } else if (ServiceMetrics.isSample(line, REFRESHED)) {
                refreshed += ServiceMetrics.value(line);
            } else if (ServiceMetrics.isSample(line, BEHIND)) {
                behind = ServiceMetrics.value(line);
            } else if (ServiceMetrics.isSample(line, WAITED)) {
                waited += ServiceMetrics.value(line);
            }
        }
        return new Totals(Math.round(read), Math.round(folded), Math.round(refreshed), Math.round(behind),
                Math.round(waited));
    }
}
