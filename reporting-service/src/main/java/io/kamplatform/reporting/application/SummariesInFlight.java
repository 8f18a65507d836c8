package io.kamplatform.reporting.application;

import io.kamplatform.reporting.store.SummaryStore.AccountVersion;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The summaries being computed right now, so that each is folded once however many ask for it at the same time.
 * <ul>
 * <li><b>Current summaries</b>: under ingest every portfolio report for now finds the accounts changed since the
 * refresher's last pass and computes them itself (up to {@code sync-refresh-max}); several readers and the refresher
 * would otherwise fold the same histories at the same time, taking the cores the other requests need.</li>
 * <li><b>Summaries at a past point</b>: the first questions about a new instant fold every account there (10,000
 * accounts: seconds). Asked at once (a dependency risk and a portfolio health for the same day, a client that asks
 * again after a timeout, the background keeping a month end) each folded every account, so each waited as long as all
 * of them together.</li>
 * </ul>
 * A computation serves a claim for the same account in the same slot (the month window of a current summary, the
 * instant of a point) at the same or an older version: a newer version, after a late event, is computed again.
 */
@ApplicationScoped
public class SummariesInFlight {

    /** Where a summary is computed: a current summary in the month window from {@code at}, or the point {@code at}. */
    private record Slot(String accountId, boolean point, Instant at) {
    }

    private record Computation(long version, CompletableFuture<AccountSummary> summary) {
    }

    /** What one caller computes itself ({@link #toCompute}) and the summaries it waits for from others ({@link #joined}). */
    public static final class Claim {
        private final SummariesInFlight owner;
        private final boolean point;
        private final Instant at;
        private final List<AccountVersion> toCompute = new ArrayList<>();
        private final Map<String, Computation> owned = new ConcurrentHashMap<>(); // chunks finish on several workers
        private final Map<String, CompletableFuture<AccountSummary>> joined = new HashMap<>();

        private Claim(SummariesInFlight owner, boolean point, Instant at) {
            this.owner = owner;
            this.point = point;
            this.at = at;
        }

        public List<AccountVersion> toCompute() {
            return toCompute;
        }

        public Map<String, CompletableFuture<AccountSummary>> joined() {
            return joined;
        }

        /** The caller computed this summary: whoever waits for it gets it, and the account is no longer in flight. */
        public void done(AccountSummary summary) {
            Computation c = owned.remove(summary.accountId());
            if (c != null) {
                c.summary().complete(summary);
                owner.running.remove(new Slot(summary.accountId(), point, at), c);
            }
        }

        /**
         * The caller stopped before computing the rest: those waiting for them get {@code why}. A
         * {@link java.util.concurrent.CancellationException} (the caller went away) makes them compute the rest
         * themselves; any other failure is theirs too.
         */
        public void abandon(Throwable why) {
            for (String accountId : List.copyOf(owned.keySet())) {
                Computation c = owned.remove(accountId);
                if (c != null) {
                    c.summary().completeExceptionally(why);
                    owner.running.remove(new Slot(accountId, point, at), c);
                }
            }
        }
    }

    private final Map<Slot, Computation> running = new ConcurrentHashMap<>();
    private final boolean sharing;
    private final Counter sharedCurrent;
    private final Counter sharedPoint;

    @Inject
    public SummariesInFlight(MeterRegistry registry) {
        this.sharing = true;
        this.sharedCurrent = Counter.builder("kam.read-models.current.shared")
                .description("Current summaries a caller took from a computation already running instead of folding again")
                .register(registry);
        this.sharedPoint = Counter.builder("kam.read-models.point.shared")
                .description("Summaries at a past point a caller took from a computation already running instead of "
                        + "folding again")
                .register(registry);
    }

    /** For callers that compute alone (a rebuild warming its fresh tables): everything is theirs to compute. */
    SummariesInFlight() {
        this.sharing = false;
        this.sharedCurrent = null;
        this.sharedPoint = null;
    }

    /** A rebuild's own: nothing is shared with the live read model. */
    public static SummariesInFlight none() {
        return new SummariesInFlight();
    }

    /** Claims the accounts' current summaries for the month window starting at {@code windowStart}. */
    public Claim claimCurrent(List<AccountVersion> accounts, Instant windowStart) {
        return claim(accounts, false, windowStart, sharedCurrent);
    }

    /** Claims the accounts' summaries at the past point {@code asOf} (as stored: microseconds). */
    public Claim claimPoint(List<AccountVersion> accounts, Instant asOf) {
        return claim(accounts, true, asOf, sharedPoint);
    }

    private Claim claim(List<AccountVersion> accounts, boolean point, Instant at, Counter shared) {
        Claim claim = new Claim(this, point, at);
        for (AccountVersion account : accounts) {
            Computation mine = new Computation(account.version(), new CompletableFuture<>());
            Computation found = !sharing ? mine : running.compute(new Slot(account.accountId(), point, at),
                    (slot, current) -> current != null && current.version() >= account.version() ? current : mine);
            if (found == mine) {
                claim.toCompute.add(account);
                claim.owned.put(account.accountId(), mine);
            } else {
                claim.joined.put(account.accountId(), found.summary());
            }
        }
        if (!claim.joined.isEmpty()) {
            shared.increment(claim.joined.size());
        }
        return claim;
    }

    /** Accounts in flight now (for tests and diagnostics). */
    int running() {
        return running.size();
    }
}
