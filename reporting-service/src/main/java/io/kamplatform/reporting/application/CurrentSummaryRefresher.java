package io.kamplatform.reporting.application;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Keeps the current summaries current in the background: every {@code kam.read-models.refresh-interval} it computes
 * the stale ones (a fact projected since, older than {@code current-max-age}, another month window), a chunk at a time,
 * going on at once while a whole chunk was stale. One run at a time.
 */
@ApplicationScoped
public class CurrentSummaryRefresher {

    private static final Logger LOG = Logger.getLogger(CurrentSummaryRefresher.class);

    private final PortfolioReadModel readModel;
    private final ReadModelConfig config;
    private final AtomicBoolean running = new AtomicBoolean();

    public CurrentSummaryRefresher(PortfolioReadModel readModel, ReadModelConfig config) {
        this.readModel = readModel;
        this.config = config;
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
        readModel.refreshCurrent(config.chunkSize()).subscribe().with(count -> {
            if (count >= config.chunkSize()) {
                run();
            } else {
                running.set(false);
            }
        }, failure -> {
            running.set(false);
            LOG.debugf("current summaries not refreshed: %s", failure.getMessage());
        });
    }
}
