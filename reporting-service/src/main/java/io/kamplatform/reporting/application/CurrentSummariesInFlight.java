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
 * The current summaries being computed right now, so that each stale account is folded once however many ask for it.
 * Under ingest every portfolio report for now finds the accounts changed since the refresher's last pass and computes
 * them itself (up to {@code sync-refresh-max}); several readers and the refresher would otherwise fold the same
 * histories at the same time, taking the cores the other requests need. A computation serves a claim for the same
 * account at the same or an older version in the same month window.
 */
@ApplicationScoped
public class CurrentSummariesInFlight {

    private record Computation(long version, Instant windowStart, CompletableFuture<AccountSummary> summary) {
    }

    /** What one caller computes itself ({@link #toCompute}) and the summaries it waits for from others ({@link #joined}). */
    public static final class Claim {
        private final CurrentSummariesInFlight owner;
        private final List<AccountVersion> toCompute = new ArrayList<>();
        private final Map<String, Computation> owned = new ConcurrentHashMap<>(); // chunks finish on several workers
        private final Map<String, CompletableFuture<AccountSummary>> joined = new HashMap<>();

        private Claim(CurrentSummariesInFlight owner) {
            this.owner = owner;
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
                owner.running.remove(summary.accountId(), c);
            }
        }

        /**
         * The caller stopped (failed or cancelled) before computing the rest: those waiting for them are told, and
         * compute them themselves.
         */
        public void abandon(Throwable why) {
            for (String accountId : List.copyOf(owned.keySet())) {
                Computation c = owned.remove(accountId);
                if (c != null) {
                    c.summary().completeExceptionally(why);
                    owner.running.remove(accountId, c);
                }
            }
        }
    }

    private final Map<String, Computation> running = new ConcurrentHashMap<>();
    private final boolean sharing;
    private final Counter shared;

    @Inject
    public CurrentSummariesInFlight(MeterRegistry registry) {
        this.sharing = true;
        this.shared = Counter.builder("kam.read-models.current.shared")
                .description("Current summaries a caller took from a computation already running instead of folding again")
                .register(registry);
    }

    /** For callers that compute alone (a rebuild warming its fresh tables): everything is theirs to compute. */
    CurrentSummariesInFlight() {
        this.sharing = false;
        this.shared = null;
    }

    /** A rebuild's own: nothing is shared with the live read model. */
    public static CurrentSummariesInFlight none() {
        return new CurrentSummariesInFlight();
    }

    /** Claims the accounts' current summaries for the month window starting at {@code windowStart}. */
    public Claim claim(List<AccountVersion> accounts, Instant windowStart) {
        Claim claim = new Claim(this);
        for (AccountVersion account : accounts) {
            Computation mine = new Computation(account.version(), windowStart, new CompletableFuture<>());
            Computation found = !sharing ? mine : running.compute(account.accountId(), (id, current) ->
                    current != null && current.version() >= account.version() && current.windowStart().equals(windowStart)
                            ? current : mine);
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
