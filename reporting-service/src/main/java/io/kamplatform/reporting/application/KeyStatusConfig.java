package io.kamplatform.reporting.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;
import java.util.Set;

/** kam.key-status.*: the documented criteria of the key-account status review (see KeyStatusCriteria). */
@ConfigMapping(prefix = "kam.key-status")
public interface KeyStatusConfig {

    @WithDefault("10")
    int revenueTopPct();

    @WithDefault("10")
    int potentialTopPct();

    /** Sectors of strategic fit, as the CRM names them (comma-separated); none by default. */
    Optional<Set<String>> strategicSectors();

    @WithDefault("25")
    int strategicPotentialTopPct();
}
