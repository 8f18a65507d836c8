package io.kamplatform.bench.perf;

import io.kamplatform.bench.perf.report.Row;
import io.kamplatform.bench.reliability.BatchClient;
import io.kamplatform.bench.reliability.LoadDriver;
import io.kamplatform.bench.reliability.LoadProgress;
import io.kamplatform.bench.reliability.Verification;
import io.kamplatform.crmimport.posting.Progress;
import java.util.List;

/**
 * Loads the generated portfolio through the public batch APIs with the reliability harness's CRM clients (retrying
 * until every item is acknowledged; relationship batches behind account batches), groups first, with a progress bar,
 * then waits until the read model holds every event. Both rates go into the results as context.
 */
final class PortfolioLoad {

    static final int ACCOUNTS_PER_CHUNK = 5;
    /** Relationship batches trail their account batches by this many chunks per client (fewer unknown-account retries). */
    static final int RELATIONSHIP_LAG = 3;

    private PortfolioLoad() {
    }

    static void run(BenchContext ctx) throws Exception {
        ctx.section("Loading the portfolio: %,d accounts + %,d groups, %d year(s), %,d events (%,d account, %,d relationship)"
                .formatted(ctx.census().accounts(), ctx.census().groups(), ctx.options().years(), ctx.census().events(),
                        ctx.census().accountEvents(), ctx.census().relationshipEvents()));
        long deadline = System.nanoTime() + ctx.options().timeoutMinutes() * 60_000_000_000L;
        BatchClient client = new BatchClient("localhost", ctx.options().basePort(), ctx.writerToken(), ctx.acknowledgements());
        Progress bar = new Progress(ctx.out(), "events", ctx.census().events());
        LoadProgress progress = new LoadProgress() {
            private long base;

            @Override
            public void update(int acknowledged, int total, double perSecond, long attempts, long retried) {
                bar.advance(base + acknowledged - bar.done());
            }

            @Override
            public void finish(int acknowledged, double seconds, long attempts, long retried) {
                bar.advance(base + acknowledged - bar.done());
                base = bar.done();
            }
        };
        long start = System.nanoTime();
        new LoadDriver(client, ctx.acknowledgements(), 1, progress).run(List.of(ctx.portfolio().groups()).iterator(),
                ctx.census().groups(), deadline);
        new LoadDriver(client, ctx.acknowledgements(), ctx.options().loadClients(), progress, RELATIONSHIP_LAG).run(
                ctx.portfolio().chunks(ACCOUNTS_PER_CHUNK), (int) (ctx.census().events() - ctx.census().groups()), deadline);
        bar.finish();
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        long loaded = ctx.acknowledgements().size();
        ctx.out().printf("    %,d events acknowledged in %.0f s: %,.0f events/s (%d clients, batches of about %d + %d items, "
                + "%,d batch attempts, %,d retried)%n", loaded, loadSeconds, loaded / loadSeconds, ctx.options().loadClients(),
                (int) (ctx.census().accountEvents() / ctx.census().accounts() * ACCOUNTS_PER_CHUNK),
                (int) (ctx.census().relationshipEvents() / ctx.census().accounts() * ACCOUNTS_PER_CHUNK),
                client.attempts.get(), client.failedAttempts.get());
        ctx.results().context("portfolio load events/s", Math.round(loaded / loadSeconds));
        ctx.results().context("portfolio load seconds", Math.round(loadSeconds));
        ctx.results().add(new Row("load", "portfolio through the batch APIs", "%,.0f events/s (%,d events, %d clients, %.0f s)"
                .formatted(loaded / loadSeconds, loaded, ctx.options().loadClients(), loadSeconds), loaded / loadSeconds,
                "events/s", "-", Double.NaN, "-", "context", null, null));
        catchUp(ctx, "after loading", start);
    }

    /** Waits until the read model holds every stored event; records the projection's rate since {@code since}. */
    static void catchUp(BenchContext ctx, String when, long since) throws Exception {
        long start = System.nanoTime();
        new Verification(ctx.platform(), ctx.acknowledgements(), io.kamplatform.bench.perf.portfolio.PortfolioGenerator.AS_OF, ctx.out())
                .awaitCatchUp(start + ctx.options().timeoutMinutes() * 60_000_000_000L);
        long projected = count(ctx);
        double seconds = (System.nanoTime() - since) / 1e9;
        ctx.out().printf("    read model caught up %s: %,d events (waited %.1f s)%n", when, projected,
                (System.nanoTime() - start) / 1e9);
        if (when.equals("after loading")) {
            ctx.results().add(new Row("load", "projection (reporting-service)", ("%,.0f events/s (%,d events in %.0f s from "
                    + "the first post)").formatted(projected / seconds, projected, seconds), projected / seconds, "events/s",
                    "-", Double.NaN, "-", "context", null, null));
        }
    }

    private static long count(BenchContext ctx) throws Exception {
        try (var c = ctx.platform().database("reporting"); var s = c.createStatement();
             var rows = s.executeQuery("SELECT count(*) FROM account_facts")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
