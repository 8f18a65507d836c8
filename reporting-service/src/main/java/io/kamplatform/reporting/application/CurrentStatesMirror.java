package io.kamplatform.reporting.application;

import io.kamplatform.reporting.store.SummaryStore;
import io.kamplatform.reporting.store.SummaryStore.AccountVersion;
import io.kamplatform.reporting.store.SummaryStore.CurrentState;
import io.kamplatform.reporting.store.SummaryStore.MarkedState;
import io.kamplatform.reporting.store.SummaryStore.MarkedStates;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Every account's current state (its version, and its stored current summary's version and instant) in memory, for
 * the portfolio reports for now: a read brings the mirror up to date by reading only the accounts whose rows a
 * transaction wrote since the mirror last read (V11's change marks), a few rows instead of 10,000 joined per report;
 * a report takes a read up to {@code portfolio-reads-max-age} old ({@link #recent}), the refresher a new one.
 * <ul>
 * <li><b>In order:</b> one read runs at a time and each applies all it returned before the next starts, so the mirror
 * is the database as of the last read's snapshot. A caller that arrives while a read runs waits for the next one,
 * which starts after it arrived (it sees what was committed before its question); callers arriving together share it.</li>
 * <li><b>A rebuild's switch</b> brings in other tables (the accounts table's oid changes): the mirror reads everything
 * again.</li>
 * <li><b>Checked while running:</b> every {@code states-full-read-every} it reads every state again and compares the
 * rows no transaction wrote since its last mark with what it held; a difference means a writer got past the change
 * marks, is counted in {@code kam_read_models_current_states_drift_total} and logged, and the full read replaces the
 * mirror (so it repairs itself).</li>
 * </ul>
 * Memory: a few small objects per account (estimated 2–3 MB at 10,000 accounts; not measured).
 */
@Singleton
public class CurrentStatesMirror {

    private static final Logger LOG = Logger.getLogger(CurrentStatesMirror.class);

    private record Held(CurrentState state, Instant firstOccurredAt, boolean healthStored) {

        static Held of(MarkedState s) {
            return new Held(s.state(), s.firstOccurredAt(), s.healthStored());
        }

        /**
         * As read, but with the state object held before when the read one equals it: a report for now takes again
         * what it took for the very same state object ({@link LastCurrentSummaries}).
         */
        static Held of(MarkedState s, Held before) {
            return before != null && before.state().equals(s.state())
                    ? new Held(before.state(), s.firstOccurredAt(), s.healthStored()) : of(s);
        }
    }

    /** The states a portfolio report for now rests on, and an instant they are at least as recent as. */
    public record RecentStates(List<CurrentState> states, Instant readAt) {
    }

    private final SummaryStore store;
    private final Duration fullReadEvery;
    private final RecentRead<Instant> recent;
    private final Counter drift;
    private final Counter fullReads;
    private final Counter changeReads;

    // Guarded by this: the mirror, and the read queue (the read running, and the one waiting to start after it).
    private final TreeMap<String, Held> held = new TreeMap<>();
    // held's states in its order, copied for each report instead of walking the tree (rebuilt when an account is
    // added, else changed in place), each account's position in it, and a bound no account's first fact is after
    private CurrentState[] ordered = new CurrentState[0];
    private final Map<String, Integer> position = new HashMap<>();
    private Instant latestFirst = Instant.MIN;
    private long mark;
    private long tables = -1;
    private long fullReadAt;
    private CompletableFuture<Void> running = CompletableFuture.completedFuture(null);
    private CompletableFuture<Void> waiting;

    @Inject
    public CurrentStatesMirror(SummaryStore store, ReadModelConfig config, MeterRegistry registry, Clock clock) {
        this(store, config.statesFullReadEvery(), config.portfolioReadsMaxAge(), registry, clock, System::nanoTime);
    }

    /** With {@code nanoTime} for {@code portfolio-reads-max-age} (tests move it by hand). */
    public CurrentStatesMirror(SummaryStore store, Duration fullReadEvery, Duration reportsMaxAge, MeterRegistry registry,
                               Clock clock, LongSupplier nanoTime) {
        this.store = store;
        this.fullReadEvery = fullReadEvery;
        // the instant asked: the read the caller waits for starts after it (one in flight may be younger still)
        this.recent = new RecentRead<>("account-states", () -> {
            Instant asked = clock.instant();
            return upToDate().map(ignored -> asked);
        }, reportsMaxAge, registry, nanoTime);
        this.drift = Counter.builder("kam.read-models.current-states.drift")
                .description("Account states a full read found different from the mirror although no transaction wrote "
                        + "them since its last read (a writer past the change marks); should stay 0")
                .register(registry);
        this.fullReads = Counter.builder("kam.read-models.current-states.reads").tag("read", "full").register(registry);
        this.changeReads = Counter.builder("kam.read-models.current-states.reads").tag("read", "changed").register(registry);
    }

    /** The current states of the accounts with a fact by {@code asOf}, by account id, as of a read after this call. */
    public Uni<List<CurrentState>> at(Instant asOf) {
        return upToDate().map(ignored -> statesBy(asOf));
    }

    /**
     * As {@link #at}, from the last read while it started at most {@code portfolio-reads-max-age} before this call
     * ({@link RecentRead}; 0: as {@link #at}): the portfolio reports for now, which under load waited for this read
     * more than they computed. The refresher and the tests that write rows by hand ask {@link #at}.
     */
    public Uni<RecentStates> recent(Instant asOf) {
        // on a worker, as a read's rows come: a recent read is there at once, on the caller's thread (an event loop)
        return recent.get().emitOn(Infrastructure.getDefaultWorkerPool())
                .map(readAt -> new RecentStates(statesBy(asOf), readAt));
    }

    /**
     * A rebuild of this instance switched other tables in: the next portfolio report waits for a read, which finds the
     * switch and reads every state again (another instance's switch is found by the next read, within
     * {@code portfolio-reads-max-age}).
     */
    public void tablesSwitched() {
        recent.forget();
    }

    /**
     * Up to {@code limit} accounts whose current summary must be computed again: missing, from another month window,
     * stale ({@link CurrentStanding}) or, when {@code healthReports}, stored without the account health report for now;
     * those without a summary first, then the oldest. What {@link SummaryStore#staleCurrent} selects, from memory: the
     * refresher asks every second and more often under ingest, and that query joins and sorts every account.
     */
    public Uni<List<AccountVersion>> stale(Instant windowStart, Instant tooOld, int limit, boolean healthReports) {
        return upToDate().map(ignored -> staleNow(windowStart, tooOld, limit, healthReports));
    }

    /** Completes once a read that started after the subscription has been applied. */
    private Uni<Void> upToDate() {
        return Uni.createFrom().completionStage((Supplier<CompletableFuture<Void>>) this::refresh);
    }

    private synchronized List<AccountVersion> staleNow(Instant windowStart, Instant tooOld, int limit,
                                                     boolean healthReports) {
        List<CurrentState> stale = new ArrayList<>();
        for (Held h : held.values()) {
            if (toCompute(h, windowStart, tooOld, healthReports)) {
                stale.add(h.state());
            }
        }
        stale.sort(OLDEST_FIRST);
        return stale.stream().limit(limit).map(s -> new AccountVersion(s.accountId(), s.accountVersion())).toList();
    }

    /**
     * How many accounts {@link #stale} would select without a limit, as of the mirror's last read (the refresher reads
     * it at each pass): how far the refresher is behind. No read of its own, so a metrics scrape can ask.
     */
    public synchronized int behind(Instant windowStart, Instant tooOld, boolean healthReports) {
        int count = 0;
        for (Held h : held.values()) {
            if (toCompute(h, windowStart, tooOld, healthReports)) {
                count++;
            }
        }
        return count;
    }

    private static boolean toCompute(Held h, Instant windowStart, Instant tooOld, boolean healthReports) {
        CurrentState s = h.state();
        return (healthReports && !h.healthStored()) || CurrentStanding.of(s.accountVersion(), s.summaryVersion(),
                s.summaryAsOf(), windowStart, tooOld) != CurrentStanding.HOLDS;
    }

    private static final Comparator<CurrentState> OLDEST_FIRST = Comparator.comparing(CurrentState::summaryAsOf,
            Comparator.nullsFirst(Comparator.<Instant>naturalOrder())).thenComparing(CurrentState::accountId);

    /** Makes the next read a full one, as {@code states-full-read-every} does (for tests, which cannot wait minutes). */
    public synchronized void readAllNext() {
        fullReadAt = System.nanoTime() - fullReadEvery.toNanos();
    }

    private synchronized List<CurrentState> statesBy(Instant asOf) {
        if (!asOf.isBefore(latestFirst)) { // every account (a question about now): a copy of the array
            return Collections.unmodifiableList(Arrays.asList(ordered.clone()));
        }
        List<CurrentState> states = new ArrayList<>(held.size());
        for (Held h : held.values()) {
            if (!h.firstOccurredAt().isAfter(asOf)) {
                states.add(h.state());
            }
        }
        return states;
    }

    /** The read that will bring the mirror up to date for a caller arriving now: the waiting one, or a new one. */
    private synchronized CompletableFuture<Void> refresh() {
        if (waiting != null) {
            return waiting;
        }
        CompletableFuture<Void> next = new CompletableFuture<>();
        waiting = next;
        running.whenComplete((ignored, failure) -> start(next));
        running = next;
        return next;
    }

    private void start(CompletableFuture<Void> next) {
        boolean full;
        long since;
        synchronized (this) {
            waiting = waiting == next ? null : waiting;
            full = tables < 0 || System.nanoTime() - fullReadAt >= fullReadEvery.toNanos();
            since = mark;
        }
        Uni<Void> read = full ? readAll() : store.statesChangedSince(since).chain(changed -> {
            if (changed.tables() != tablesHeld()) {
                LOG.info("read-model tables switched in (a rebuild): reading every account state again");
                return readAll();
            }
            changeReads.increment();
            applyChanges(changed);
            return Uni.createFrom().voidItem();
        });
        read.subscribe().with(ignored -> next.complete(null), next::completeExceptionally);
    }

    private synchronized long tablesHeld() {
        return tables;
    }

    private Uni<Void> readAll() {
        return store.markedStates().invoke(all -> {
            fullReads.increment();
            replace(all);
        }).replaceWithVoid();
    }

    private synchronized void applyChanges(MarkedStates changed) {
        boolean added = false;
        for (MarkedState s : changed.states()) {
            String accountId = s.state().accountId();
            Held h = Held.of(s, held.get(accountId));
            held.put(accountId, h);
            Integer at = position.get(accountId);
            if (at == null) {
                added = true;
            } else {
                ordered[at] = h.state();
            }
            if (h.firstOccurredAt().isAfter(latestFirst)) {
                latestFirst = h.firstOccurredAt();
            }
        }
        if (added) {
            reorder();
        }
        mark = changed.mark();
    }

    /** O(accounts), on a full read and when a change read adds an account (new accounts are rare beside changes). */
    private void reorder() {
        ordered = new CurrentState[held.size()];
        position.clear();
        latestFirst = Instant.MIN;
        int i = 0;
        for (Held h : held.values()) {
            ordered[i] = h.state();
            position.put(h.state().accountId(), i++);
            if (h.firstOccurredAt().isAfter(latestFirst)) {
                latestFirst = h.firstOccurredAt();
            }
        }
    }

    /** Takes a full read; compares it first with the rows the mirror already had to hold (same tables, older marks). */
    private synchronized void replace(MarkedStates all) {
        if (all.tables() == tables) {
            long differing = 0;
            for (MarkedState s : all.states()) {
                Held h = held.get(s.state().accountId());
                if (s.changedIn() < mark && !Held.of(s).equals(h)) {
                    differing++;
                }
            }
            if (differing > 0) {
                drift.increment(differing);
                LOG.warnf("%d account states differed from the mirror although no transaction wrote them since its last "
                        + "read (a writer past the change marks of V11?); replaced by a full read", differing);
            }
        }
        List<Held> read = new ArrayList<>(all.states().size());
        for (MarkedState s : all.states()) {
            // the same tables: an unchanged state keeps its object; another table's rows are other summaries
            read.add(all.tables() == tables ? Held.of(s, held.get(s.state().accountId())) : Held.of(s));
        }
        held.clear();
        read.forEach(h -> held.put(h.state().accountId(), h));
        reorder();
        mark = all.mark();
        tables = all.tables();
        fullReadAt = System.nanoTime();
    }
}
