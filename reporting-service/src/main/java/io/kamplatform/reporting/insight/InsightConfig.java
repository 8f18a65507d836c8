package io.kamplatform.reporting.insight;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** kam.insights.*: the insight pass and the insight outbox (README "Insights"). */
@ConfigMapping(prefix = "kam.insights")
public interface InsightConfig {

    /** False: no pass runs and nothing is published (the conclusions and outbox stay as they are). */
    @WithDefault("true")
    boolean enabled();

    /** How often the scheduler looks whether a pass is due. */
    @WithDefault("5s")
    Duration interval();

    /**
     * A settled portfolio is assessed again this often even when nothing was projected: time-based conclusions (a
     * contact going stale, a contract lapsing, an objective falling due) change without an event.
     */
    @WithDefault("5m")
    Duration reassessEvery();

    /**
     * Ingest that never pauses for an {@code interval} would hold insights back for ever: once facts not yet assessed
     * have waited this long, a pass runs without waiting for quiet (accounts whose summary moves on under it are left
     * for the next pass).
     */
    @WithDefault("60s")
    Duration maxDelay();

    /** The CloudEvents source of insights ({@code ce_source}). */
    @WithDefault("/kam-platform/reporting-service")
    URI source();

    /** Outbox rows published per batch. */
    @WithDefault("256")
    int batchSize();

    /** How often the relay looks for unpublished rows besides being woken by a pass. */
    @WithDefault("1s")
    Duration pollInterval();

    /** The oldest unpublished insight older than this: the outbox is stalled (readiness data, metric, alert). */
    @WithDefault("5m")
    Duration stallAfter();
}
