package io.kamplatform.reporting.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** kam.read-models.*: how the portfolio read models (account summaries) are kept and read. */
@ConfigMapping(prefix = "kam.read-models")
public interface ReadModelConfig {

    /** A current summary older than this is computed again (the effects of time passing: recency, windows, SLAs). */
    @WithDefault("15m")
    Duration currentMaxAge();

    /** How often the background refresher looks for stale current summaries. */
    @WithDefault("1s")
    Duration refreshInterval();

    /**
     * The refresher computes no current summaries while the projection is more than this many records behind the
     * topics ({@code kam_projection_lag_records}, all partitions): a catch-up comes first. 1,000 is several seconds of
     * ingest at a few hundred events a second (the benchmark's W4, 364 events/s, never reached it).
     */
    @WithDefault("1000")
    @Min(0)
    long refreshBelowLag();

    /** A catch-up longer than this gets one chunk of current summaries every refresh-interval, not none. */
    @WithDefault("30s")
    Duration refreshWaitAtMost();

    /**
     * A current report computes stale summaries itself when at most this many are stale (a quiet moment: exact and
     * fresh); with more (heavy ingest, catching up) it answers from the stale ones and says how many are pending, and
     * the refresher computes them within about a second. 10 since 2026-12-01 (200 before): under W4's ingest each
     * report met 20–90 stale accounts and folded them while its reader waited (portfolio p50 1.4 s against 0.27 s).
     */
    @WithDefault("10")
    int syncRefreshMax();

    /**
     * Accounts folded per chunk (one query of their histories): bounds the memory a computation takes. Small, because
     * the reactive PostgreSQL client copies a large result's bytes again and again while it arrives (see README): at
     * 10,000 accounts, 50 allocated about a seventh of what 250 did under W4's load.
     */
    @WithDefault("50")
    int chunkSize();

    /**
     * Accounts folded per chunk by a rebuild's warm-up, which computes every current summary of the fresh tables while
     * no reader waits on it. 10,515 accounts: the warm-up took 72.6 s with 50 and 36.3 s with 200 while each chunk's
     * histories came as one result (2026-12-01); read through a cursor, 11.6 s with 50 and 11.9 s with 200
     * (2026-12-02), so 50: the same time with a quarter of the memory, which the warm-up shares with the live caches.
     */
    @WithDefault("50")
    int rebuildChunkSize();

    /**
     * A rebuild's replay writers, each with its own connection and an account's facts in one of them (see
     * {@code ReplayLanes}): one PostgreSQL backend was the replay's limit. 10,515 accounts, 1.5 M records, 2026-12-02:
     * the replay took 63.7 s with one, 45.8–51.7 s with two (the two cores then busy). 1: one writer, as before.
     */
    @WithDefault("2")
    int rebuildWriters();

    /**
     * Chunks folded at once: 2 keeps both cores busy (one chunk's SQL read and write overlap another's fold) at twice a
     * chunk's memory. 1: one after the other.
     */
    @WithDefault("2")
    int computeConcurrency();

    /** Past points in time kept besides the month ends; the least recently read are dropped beyond this. */
    @WithDefault("24")
    int keepPoints();

    /**
     * The last this many month ends (the end of each month's last day, UTC) are kept ahead of questions: their summaries
     * are computed in the background when the pipeline is quiet, so "as of the end of June" is read, not folded. 0: none.
     */
    @WithDefault("12")
    int monthEnds();

    /** The month ends are computed only when no portfolio report was asked for this long (readers come first). */
    @WithDefault("10s")
    Duration monthEndsAfterQuiet();

    /**
     * Past points whose summaries are kept parsed in memory ({@link ParsedPoints}), the least recently asked dropped
     * first: about 40–50 MB of heap each at 10,000 accounts. 0: none.
     */
    @WithDefault("2")
    int parsedPoints();

    /**
     * How often the in-memory account states of the portfolio reports for now ({@link CurrentStatesMirror}) are read
     * in full instead of as the rows changed since the last read, and compared with what the mirror held (a metric
     * counts differences; should be 0).
     */
    @WithDefault("5m")
    Duration statesFullReadEvery();

    /**
     * The read-model audit folds one account's stored summaries again this often and compares ({@link ReadModelAudit});
     * 0 turns it off.
     */
    @WithDefault("1s")
    Duration auditEvery();

    /**
     * A portfolio report takes the account states and the stream gaps as last read while that read started at most
     * this long before the question ({@link RecentRead}); 0: each report waits for reads of its own. Under W4's load
     * waiting for those reads was most of a report's time (2026-12-03 night: the states read p99 137–307 ms).
     */
    @WithDefault("1s")
    Duration portfolioReadsMaxAge();

    /** An asOf later than now minus this is "now": answered from the current summaries. */
    @WithDefault("5s")
    Duration nowTolerance();

    /**
     * Rebuild the read models from the topics at start (after a migration that changes what they hold): the live
     * tables answer meanwhile ({@code ReadModelRebuild}).
     */
    @WithDefault("false")
    boolean rebuildOnStart();
}
