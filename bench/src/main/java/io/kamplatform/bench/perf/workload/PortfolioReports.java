package io.kamplatform.bench.perf.workload;

import io.kamplatform.bench.perf.BenchContext;
import io.kamplatform.bench.perf.load.Http;
import io.kamplatform.bench.perf.report.Row;
import io.kamplatform.bench.perf.portfolio.PortfolioGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * W4 beside the readers: issue 13's targets for every portfolio report (dependency risk, portfolio health, margin
 * pressure first page, managers), asked one at a time on a quiet pipeline, for now and for a past {@code asOf}. The
 * first answer at a point never asked before is shown apart ("first ask"): for a past point it computes and keeps the
 * summaries of every account, which later answers read.
 */
public final class PortfolioReports {

    static final List<String> REPORTS = List.of("/api/reports/portfolio/dependency-risk", "/api/reports/portfolio/health",
            "/api/reports/portfolio/margin-pressure", "/api/reports/managers");

    private final BenchContext ctx;
    private final Http http;

    public PortfolioReports(BenchContext ctx) {
        this.ctx = ctx;
        this.http = new Http(Duration.ofSeconds(ctx.options().reportTimeoutSeconds()));
    }

    public void run(int repeats) throws Exception {
        ctx.section("W4 portfolio reports one at a time: %d reports, first ask + %d repeats, now and as of %s"
                .formatted(REPORTS.size(), repeats, PortfolioGenerator.AS_OF));
        measure("now", "", 250, repeats);
        measure("past asOf", "?asOf=" + PortfolioGenerator.AS_OF, 500, repeats);
        midMonth();
    }

    /**
     * A day that is not a month end, never asked before: the read model keeps month ends ahead of questions, not other
     * days, so the first ask folds every history up to it; the second reads what the first kept.
     */
    private void midMonth() throws Exception {
        String day = PortfolioGenerator.END_MONTH.atDay(16).toString();
        String path = REPORTS.get(0) + "?asOf=" + day;
        double first = timed(path);
        double second = timed(path);
        ctx.out().printf("    mid-month day %s: first ask %.0f ms, second %.0f ms%n", day, first, second);
        ctx.results().add(new Row("W4", "dependency risk, first ask of a mid-month day", "%,.0f ms (then %,.0f ms)"
                .formatted(first, second), first, "ms", "-", Double.NaN, "-", "-", null,
                "month ends are kept ahead of questions, other days are computed when first asked"));
    }

    private void measure(String when, String query, double targetMillis, int repeats) throws Exception {
        List<Double> first = new ArrayList<>();
        List<Double> repeated = new ArrayList<>();
        for (String report : REPORTS) {
            first.add(timed(report + query));
            for (int i = 0; i < repeats; i++) {
                repeated.add(timed(report + query));
            }
        }
        Collections.sort(repeated);
        double p95 = repeated.get((int) Math.ceil(0.95 * repeated.size()) - 1);
        double firstMax = Collections.max(first);
        ctx.out().printf("    %s: first ask %s ms; repeated p95 %.0f ms (%d requests)%n", when, first, p95, repeated.size());
        ctx.results().add(new Row("W4", "portfolio reports p95, " + when, "%,.0f ms (4 reports × %d; first ask up to %,.0f ms)"
                .formatted(p95, repeats, firstMax), p95, "ms", "-", Double.NaN, "-", "≤ %.0f ms".formatted(targetMillis),
                p95 <= targetMillis, "first ask per report (ms): " + first));
    }

    private double timed(String path) throws Exception {
        long start = System.nanoTime();
        Http.expect(http.get(ctx.url(2, path), ctx.readerToken()), 200, path);
        return (System.nanoTime() - start) / 1e6;
    }
}
