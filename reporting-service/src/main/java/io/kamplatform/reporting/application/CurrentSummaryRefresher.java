package io.kamplatform.reporting.application;

import io.kamplatform.reporting.projection.ProjectionLag;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Keeps the read models ahead of questions, in the background, one run at a time. Every
 * {@code kam.read-models.refresh-interval}:
 * <ol>
 * <li>the stale current summaries (a fact projected since, older than {@code current-max-age}, another month window)
 * are computed, a chunk at a time, going on at once while a whole chunk was stale; not while the projection is
 * catching up ({@link CatchUpFirst}: more than {@code refresh-below-lag} records behind), when the reports fold what
 * they need themselves;</li>
 * <li>then, only when none is stale, the projection has no lag (ingest comes first) and no portfolio report was asked
 * for {@code month-ends-after-quiet} (readers come first), one chunk of the missing
 * summaries at the kept month ends ({@code month-ends}): after a start, a rebuild, or a late event that changed an
 * account's past; not while this instance rebuilds the read models ({@link RebuildUnderway}). One chunk per
 * interval, so this catch-up (minutes after a bulk import of years of history) takes at
 * most about half a core and leaves the rest to ingest and reports.</li>
 * </ol>
 * Metrics: {@code kam.read-models.current.behind}, the accounts whose current summary it has to compute again as of its
 * last pass (rises with a burst of events or a new month, and should fall back within minutes), and
 * {@code kam.read-models.current.refreshed}, the current summaries it computed, and
 * {@code kam.read-models.current.waited}, the chunks it left for later because the projection was catching up.
 */
@ApplicationScoped
public class CurrentSummaryRefresher {

    private static final Logger LOG = Logger.getLogger(CurrentSummaryRefresher.class);

    private final PortfolioReadModel readModel;
    private final ReadModelConfig config;
    private final ProjectionLag lag;
    private final RebuildUnderway rebuild;
    private final Counter refreshed;
    private final Counter waited;
    private final CatchUpFirst catchUpFirst;
    private final AtomicBoolean running = new AtomicBoolean();
    private long monthEndSummaries;
    private long monthEndsStartedAt;

    public CurrentSummaryRefresher(PortfolioReadModel readModel, ReadModelConfig config, ProjectionLag lag,
                                   RebuildUnderway rebuild, MeterRegistry registry) {
        this.rebuild = rebuild;
        Gauge.builder("kam.read-models.current.behind", readModel, PortfolioReadModel::behindNow)
                .description("Accounts whose current summary the refresher has to compute again (an event since, "
                        + "another month window, older than current-max-age), as of its last pass")
                .strongReference(true)
                .register(registry);
        this.refreshed = Counter.builder("kam.read-models.current.refreshed")
                .description("Current summaries the refresher computed").register(registry);
        this.waited = Counter.builder("kam.read-models.current.waited")
                .description("Chunks of stale current summaries the refresher left for later because the projection "
                        + "was catching up (more than refresh-below-lag records behind)").register(registry);
        this.catchUpFirst = new CatchUpFirst(config.refreshBelowLag(), config.refreshWaitAtMost());
        this.readModel = readModel;
        this.config = config;
        this.lag = lag;
    }

    void start(@Observes StartupEvent started, Vertx vertx) {
        vertx.setPeriodic(config.refreshInterval().toMillis(), id -> refresh());
    }

    /** Starts a run unless one is going on. */
    public void refresh() {
        if (running.compareAndSet(false, true)) {
            run();
        }
    }

    private void run() {
        CatchUpFirst.Pace pace = catchUpFirst.pace(lag.current().lagRecords(), System.nanoTime());
        if (pace == CatchUpFirst.Pace.WAIT) {
            waited.increment();
            running.set(false);
            return;
        }
        readModel.refreshCurrent(config.chunkSize()).subscribe().with(count -> {
            refreshed.increment(count);
            if (count >= config.chunkSize() && pace == CatchUpFirst.Pace.ALL) {
                run();
            } else if (config.monthEnds() > 0 && !rebuild.now() && "CURRENT".equals(lag.current().state())
                    && readModel.sinceLastAsked().compareTo(config.monthEndsAfterQuiet()) >= 0) {
                keepMonthEnds();
            } else {
                running.set(false);
            }
        }, this::failed);
    }

    private void keepMonthEnds() {
        readModel.keepMonthEnds(config.chunkSize()).subscribe().with(count -> {
            if (count > 0) {
                if (monthEndSummaries == 0) {
                    monthEndsStartedAt = System.nanoTime();
                }
                monthEndSummaries += count;
                running.set(false); // the next chunk at the next interval
            } else {
                if (monthEndSummaries > 0) {
                    LOG.infof("Month ends kept ahead of questions: %,d summaries computed in %,d s", monthEndSummaries,
                            (System.nanoTime() - monthEndsStartedAt) / 1_000_000_000L);
                    monthEndSummaries = 0;
                }
                running.set(false);
            }
        }, this::failed);
    }

    private void failed(Throwable failure) {
        running.set(false);
        LOG.debugf("read models not refreshed: %s", failure.getMessage());
    }
}
