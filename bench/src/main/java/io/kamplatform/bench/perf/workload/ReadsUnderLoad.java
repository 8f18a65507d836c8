package io.kamplatform.bench.perf.workload;

import io.kamplatform.bench.perf.BenchContext;
import io.kamplatform.bench.perf.ceiling.ReadCeiling;
import io.kamplatform.bench.perf.load.Call;
import io.kamplatform.bench.perf.load.ClosedLoop;
import io.kamplatform.bench.perf.load.CpuPerEvent;
import io.kamplatform.bench.perf.load.CpuUse;
import io.kamplatform.bench.perf.load.GcPauses;
import io.kamplatform.bench.perf.load.HealthAnswers;
import io.kamplatform.bench.perf.load.Http;
import io.kamplatform.bench.perf.load.Measurement;
import io.kamplatform.bench.perf.load.PacedLoad;
import io.kamplatform.bench.perf.report.Row;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/**
 * W4: readers of the account health report (random portfolio accounts) and of the portfolio health report, 20 in
 * all, while single events arrive at 50% of W1's highest rate. The ceiling is pgbench running the same SELECTs against
 * the same read-model database, at the same concurrency. Beside it, the account readers alone (no writes, no portfolio
 * readers) and reporting-service's CPU per account report: with closed-loop readers on a shared machine, latency is
 * readers ÷ throughput, so these say how much of the figure is the report's own cost and how much is sharing the cores.
 * Both runs also give reporting-service's GC pauses: a reader that meets one waits it out. After the mix, the
 * background writes alone at the same rate, and the CPU each process spends per event: the share of the cores the
 * writes take before any reader asks.
 */
public final class ReadsUnderLoad {

    private final BenchContext ctx;
    /** Reports that take longer than --report-timeout-seconds are errors (with that latency), not a hung run. */
    private final Http reports;

    public ReadsUnderLoad(BenchContext ctx) {
        this.ctx = ctx;
        this.reports = new Http(java.time.Duration.ofSeconds(ctx.options().reportTimeoutSeconds()));
    }

    public void run(IngestWorkload.Outcome w1) throws Exception {
        int portfolioReaders = ctx.options().portfolioReaders();
        int accountReaders = ctx.options().readers() - portfolioReaders;
        double rate = w1.maxSingleRate() / 2;
        ctx.section("W4 reads under load: %d account-report and %d portfolio-report readers, single events at %.0f/s"
                .formatted(accountReaders, portfolioReaders, rate));
        String asOf = "";
        Alone alone = alone(accountReaders);
        Measurement accounts;
        Measurement portfolio;
        double achieved;
        CpuUse cpu = ctx.cpu();
        GcPauses gc = reportingGc();
        HealthAnswers answers = HealthAnswers.start(ctx.http(), ctx.url(2, "/q/metrics"));
        String cpuText;
        try (PacedLoad background = new PacedLoad(rate, 8, SinglePosts.call(ctx, "w4bg", 8))) {
            CompletableFuture<Measurement> portfolioRun = CompletableFuture.supplyAsync(() -> measure(portfolioReaders,
                    (client, i) -> get("/api/reports/portfolio/health" + asOf)));
            accounts = measure(accountReaders, accountCall());
            portfolio = portfolioRun.join();
            achieved = background.achievedRate();
            cpuText = usage(cpu, gc) + "; " + answers.describe();
        }
        ctx.out().printf("    account health: %s%n    portfolio health: %s%n    background %.0f of %.0f events/s; %s%n",
                accounts, portfolio, achieved, rate, cpuText);
        // After the mix, which starts as it always did after the readers alone: its figures stay comparable
        String writesAlone = writesAlone(rate);
        ctx.out().printf("    account health alone (no writes, no portfolio readers): %s; %s%n", alone.measurement(), alone.cpuText());
        ctx.out().printf("    background writes alone (no readers): %s%n", writesAlone);
        ReadCeiling ceiling = new ReadCeiling(ctx.pgbench());
        int seconds = ctx.options().measureSeconds();
        String prefix = ctx.portfolio().accountId(0).substring(0, ctx.portfolio().accountId(0).length() - 6);
        Measurement pgAccount = ceiling.account(accountReaders, seconds, prefix, ctx.portfolio().accounts());
        Measurement pgPortfolio = portfolioReaders == 0 ? null : ceiling.portfolio(portfolioReaders, seconds, prefix, ctx.portfolio().accounts());
        ctx.out().printf("    pgbench account SELECTs: %s%n    pgbench portfolio SELECTs: %s%n", pgAccount, pgPortfolio);
        String load = "background %.0f of %.0f events/s".formatted(achieved, rate);
        ctx.results().add(new Row("W4", "account health p99, " + accountReaders + " readers",
                "%.0f ms (p50 %.0f ms, %,.0f req/s, errors %.1f%%; %s)".formatted(accounts.p99Millis(), accounts.p50Millis(),
                        accounts.requestsPerSecond(), 100 * accounts.errorRate(), load), accounts.p99Millis(), "ms",
                "pgbench same SELECTs p99 %.1f ms (%,.0f/s); the readers alone p99 %.0f ms (%,.0f req/s, reporting-service CPU %.1f ms a report)"
                        .formatted(pgAccount.p99Millis(), pgAccount.requestsPerSecond(), alone.measurement().p99Millis(),
                                alone.measurement().requestsPerSecond(), alone.cpuMillisPerReport()),
                pgAccount.p99Millis(), Row.multiple(accounts.p99Millis(), pgAccount.p99Millis()), "≤ 50 ms",
                accounts.p99Millis() <= 50 && accounts.errorRate() == 0,
                (accounts.firstError() == null ? cpuText : cpuText + "; " + accounts.firstError())
                        + "; the background writes alone: " + writesAlone));
        if (pgPortfolio != null) {
            ctx.results().add(new Row("W4", "portfolio health p99, " + portfolioReaders + " readers",
                    "%,.0f ms (p50 %,.0f ms, %d requests, errors %.1f%%)".formatted(portfolio.p99Millis(),
                            portfolio.p50Millis(), portfolio.requests(), 100 * portfolio.errorRate()),
                    portfolio.p99Millis(), "ms", "pgbench same SELECTs p99 %,.1f ms".formatted(pgPortfolio.p99Millis()),
                    pgPortfolio.p99Millis(), Row.multiple(portfolio.p99Millis(), pgPortfolio.p99Millis()), "≤ 250 ms",
                    portfolio.p99Millis() <= 250 && portfolio.errorRate() == 0, portfolio.firstError()));
        }
    }

    /** The account readers alone for half the read time, and reporting-service's CPU per report meanwhile. */
    private record Alone(Measurement measurement, double cpuMillisPerReport, String cpuText) {
    }

    private Alone alone(int accountReaders) {
        CpuUse cpu = ctx.cpu();
        GcPauses gc = reportingGc();
        Measurement alone = measure(accountReaders, accountCall(), Math.max(2, ctx.options().readSeconds() / 2));
        double cores = cpu.cores().getOrDefault("reporting-service", Double.NaN);
        return new Alone(alone, cores * 1000 / Math.max(1e-9, alone.requestsPerSecond()),
                usage(cpu, gc));
    }

    /** The background writes alone (no readers) for half the read time, and what each process spent per event. */
    private String writesAlone(double rate) throws InterruptedException {
        CpuUse cpu = ctx.cpu();
        double achieved;
        try (PacedLoad writes = new PacedLoad(rate, 8, SinglePosts.call(ctx, "w4solo", 8))) {
            Thread.sleep(Math.max(2, ctx.options().readSeconds() / 2) * 1000L);
            achieved = writes.achievedRate();
        }
        return CpuPerEvent.describe(cpu.usage(), achieved, Runtime.getRuntime().availableProcessors());
    }

    private GcPauses reportingGc() {
        return GcPauses.start(ctx.http(), ctx.url(2, "/q/metrics"));
    }

    /** The CPU per process and reporting-service's GC pauses since both started. */
    private static String usage(CpuUse cpu, GcPauses gc) {
        return cpu.describe() + "; reporting-service " + gc.describe();
    }

    private Measurement measure(int clients, Call call) {
        return measure(clients, call, ctx.options().readSeconds());
    }

    private Measurement measure(int clients, Call call, int seconds) {
        try {
            return ClosedLoop.run(clients, ctx.warmUp(), java.time.Duration.ofSeconds(seconds), call);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Call accountCall() {
        SplittableRandom seeds = new SplittableRandom(ctx.options().seed());
        return (client, i) -> {
            int account;
            synchronized (seeds) {
                account = seeds.nextInt(ctx.portfolio().accounts());
            }
            return get("/api/reports/accounts/" + ctx.portfolio().accountId(account) + "/health");
        };
    }

    private int get(String path) throws Exception {
        Http.expect(reports.get(ctx.url(2, path), ctx.readerToken()), 200, path);
        return 1;
    }
}
