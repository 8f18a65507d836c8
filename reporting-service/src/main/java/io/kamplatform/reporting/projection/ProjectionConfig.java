package io.kamplatform.reporting.projection;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** kam.projection.*: how often the gap gauges are recomputed from the database. */
@ConfigMapping(prefix = "kam.projection")
public interface ProjectionConfig {

    /** Recompute the missing-events gauges at least this often (other instances may change the gaps too). */
    @WithDefault("30s")
    Duration gapMetricsRefresh();
}
