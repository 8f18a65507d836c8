package io.kamplatform.reporting.projection;

import io.kamplatform.reporting.store.StreamGapStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * kam.projection.missing.events (events committed by a producer and not received) and
 * kam.projection.streams.with.gaps, computed from the database: after each change this instance makes, and
 * periodically (other instances share the database).
 */
@ApplicationScoped
public class GapGauges {

    private static final Logger LOG = Logger.getLogger(GapGauges.class);

    private final StreamGapStore gaps;
    private final AtomicLong missingEvents = new AtomicLong();
    private final AtomicLong streamsWithGaps = new AtomicLong();

    public GapGauges(StreamGapStore gaps, MeterRegistry registry) {
        this.gaps = gaps;
        Gauge.builder("kam.projection.missing.events", missingEvents, AtomicLong::get)
                .description("Events producers committed that have not reached the reports (versions skipped in their streams)")
                .register(registry);
        Gauge.builder("kam.projection.streams.with.gaps", streamsWithGaps, AtomicLong::get)
                .description("Producer streams with at least one version not received")
                .register(registry);
    }

    void start(@Observes StartupEvent started, Vertx vertx, ProjectionConfig config) {
        refresh();
        vertx.setPeriodic(config.gapMetricsRefresh().toMillis(), id -> refresh());
    }

    public void refresh() {
        gaps.totals().subscribe().with(totals -> {
            missingEvents.set(totals.missingEvents());
            streamsWithGaps.set(totals.streamsWithGaps());
        }, failure -> LOG.debugf("gap gauges not refreshed: %s", failure.getMessage()));
    }
}
