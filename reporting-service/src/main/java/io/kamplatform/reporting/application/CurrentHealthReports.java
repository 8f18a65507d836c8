package io.kamplatform.reporting.application;

import io.kamplatform.reporting.store.SummaryStore;
import io.kamplatform.reporting.store.SummaryStore.CurrentHealth;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The account health report for now, read instead of folded: each current summary carries its account's health and
 * trend as the report writes them (computed by the same fold, {@link AccountSummarizer#summarizeCurrent}). The stored
 * report is used under the rules that make a portfolio report for now use a current summary without computing it: no
 * fact projected for the account since (same version), computed at most {@code current-max-age} ago and in the month
 * window of now. It then answers as of the instant it was computed at, which the report states in {@code asOf};
 * otherwise the caller folds the history at now, and that fold is kept as the account's current summary ({@link #keep}).
 * At 10,000 accounts under W4's load a fold costs the account's facts query and parsing every fact; this is one row read
 * by key.
 */
@ApplicationScoped
public class CurrentHealthReports {

    private static final Logger LOG = Logger.getLogger(CurrentHealthReports.class);

    /** A stored health report: the instant it answers for, and its health and trend as JSON. */
    public record StoredHealth(Instant asOf, String health, String trend) {
    }

    /**
     * What the account's current summary says for now: its stored report when it holds, else nothing; and the account's
     * version as read then (null: no such account), which a fold done after this look-up may keep its result under.
     */
    public record Lookup(Optional<StoredHealth> stored, Long accountVersion) {
    }

    private final SummaryStore store;
    private final ReadModelConfig config;
    private final Clock clock;
    private final AccountSummarizer summarizer;
    private final PortfolioReadModel readModel;
    private final Counter read;
    private final Counter folded;
    private final Counter kept;

    public CurrentHealthReports(SummaryStore store, ReadModelConfig config, Clock clock, AccountSummarizer summarizer,
                                PortfolioReadModel readModel, MeterRegistry registry) {
        this.store = store;
        this.config = config;
        this.clock = clock;
        this.summarizer = summarizer;
        this.readModel = readModel;
        this.read = registry.counter("kam.read-models.current.health", "answered", "read");
        this.folded = registry.counter("kam.read-models.current.health", "answered", "folded");
        this.kept = Counter.builder("kam.read-models.current.kept-from-reports")
                .description("Current summaries stored from the fold of an account health report for now")
                .register(registry);
    }

    /** Whether a report for {@code asOf} is a report for now (the portfolio reports' rule). */
    public boolean isNow(Instant asOf) {
        return PortfolioReadModel.isNow(asOf, clock.instant(), config);
    }

    /**
     * The account's stored health report when it still holds now; empty when the caller must fold (counted by how the
     * report was answered, metric {@code kam.read-models.current.health}).
     */
    public Uni<Lookup> now(String accountId) {
        Instant now = clock.instant();
        return store.currentHealthOf(accountId).map(found -> {
            Optional<StoredHealth> stored = found.filter(c -> holds(c, now))
                    .map(c -> new StoredHealth(c.summaryAsOf(), c.health(), c.trend()));
            (stored.isPresent() ? read : folded).increment();
            return new Lookup(stored, found.map(CurrentHealth::accountVersion).orElse(null));
        });
    }

    /**
     * Keeps the full assessment a report for now folded at {@code asOf} (microseconds, as stored) as the account's
     * current summary at {@code lookup}'s account version, so the refresher need not fold the same history again and
     * the next report reads it. In the background: the report does not wait for the write, and a failed write only
     * leaves the summary stale, as it was.
     */
    public void keep(String accountId, Lookup lookup, AccountAssessment folded, Instant asOf) {
        if (lookup.accountVersion() == null) {
            return;
        }
        readModel.keepCurrent(summarizer.current(accountId, folded, asOf), lookup.accountVersion())
                .subscribe().with(done -> kept.increment(),
                        failure -> LOG.debugf("current summary of %s not kept: %s", accountId, failure.getMessage()));
    }

    private boolean holds(CurrentHealth c, Instant now) {
        return c.health() != null && CurrentStanding.of(c.accountVersion(), c.summaryVersion(), c.summaryAsOf(),
                PortfolioReadModel.windowStart(now), now.minus(config.currentMaxAge())) == CurrentStanding.HOLDS;
    }
}
