package io.kamplatform.reporting.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kamplatform.reporting.application.AccountSummarizer.Summarized;
import io.kamplatform.reporting.application.CurrentStatesMirror.RecentStates;
import io.kamplatform.reporting.domain.facts.Dates;
import io.kamplatform.reporting.domain.facts.RecordedFact;
import io.kamplatform.reporting.domain.health.HealthModel;
import io.kamplatform.reporting.store.StoredFact;
import io.kamplatform.reporting.store.SummaryStore;
import io.kamplatform.reporting.store.SummaryStore.AccountVersion;
import io.kamplatform.reporting.store.SummaryStore.PointRow;
import io.kamplatform.reporting.store.SummaryStore.CurrentState;
import io.kamplatform.reporting.store.SummaryStore.Stored;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The portfolio reports' read model: one {@link AccountSummary} per account, for the point in time asked.
 * <ul>
 * <li><b>A past asOf</b> is answered from the summaries kept for exactly that instant, exact by construction (each is
 * the fold of the account's history at asOf); the accounts without one (a point never asked before, an account whose
 * history a late event changed, a new account) are computed first, in chunks, and kept.</li>
 * <li><b>Now</b> is answered from each account's current summary, computed after its latest event and again when
 * older than {@code current-max-age} or from another month window; a background refresher keeps them so. The parsed
 * summaries are kept in memory ({@link CurrentSummaryCache}), and so is each account's state
 * ({@link CurrentStatesMirror}): a report reads the state rows changed since the last report and parses only the
 * summaries written since; it takes the summaries the last report took for the very same state objects again by
 * position ({@link LastCurrentSummaries}), without a look-up. A report
 * computes the stale ones itself when few are ({@code sync-refresh-max}); with more it answers from them and says how
 * many are pending ({@link ReadModelStatus}).</li>
 * </ul>
 * All computation runs on worker threads, chunk by chunk (bounded memory).
 */
@ApplicationScoped
public class PortfolioReadModel {

    /** How current a portfolio answer is. */
    @Schema(description = "How the portfolio figures were read: POINT = exact summaries at asOf; CURRENT = each account's "
            + "summary computed at assessedFrom..assessedTo (after its latest event, at most current-max-age ago); "
            + "FOLDED = folded from every history at asOf for a health model other than the default (not kept); "
            + "accountsPending = accounts with newer events than their summary (catching up)")
    public record ReadModelStatus(String mode, Instant assessedFrom, Instant assessedTo, int accounts,
                                  int accountsComputedNow, int accountsPending,
                                  @Schema(description = "CURRENT: the account states (which summary is current, which "
                                          + "accounts are pending) are at least as recent as this instant; they are "
                                          + "read at most portfolio-reads-max-age (1 s by default) before the question")
                                  Instant statesAsOf,
                                  @Schema(description = "Only facts recorded by this instant counted (asKnownAt); "
                                          + "absent: every fact known now") Instant knownAt) {

        public ReadModelStatus(String mode, Instant assessedFrom, Instant assessedTo, int accounts,
                               int accountsComputedNow, int accountsPending) {
            this(mode, assessedFrom, assessedTo, accounts, accountsComputedNow, accountsPending, null, null);
        }
    }

    /** The summaries of every account with a fact by asOf, and how current they are. */
    public record Summaries(Instant asOf, List<AccountSummary> accounts, ReadModelStatus status) {
    }

    private final SummaryStore store;
    private final AccountSummarizer summarizer;
    private final AccountAssessor assessor;
    private final ObjectMapper mapper;
    private final ReadModelConfig config;
    private final Clock clock;
    private final CurrentSummaryCache cache;
    private final ParsedPoints points;
    private final SummariesInFlight inFlight;
    private final boolean healthReports;
    private final CurrentStatesMirror states;
    private final int chunkSize;
    private final LastCurrentSummaries lastCurrent = new LastCurrentSummaries();
    private volatile long lastAsked = System.nanoTime() - Duration.ofDays(1).toNanos();

    @Inject
    public PortfolioReadModel(SummaryStore store, AccountSummarizer summarizer, AccountAssessor assessor,
                              ObjectMapper mapper, ReadModelConfig config, Clock clock, CurrentSummaryCache cache,
                              ParsedPoints points, SummariesInFlight inFlight, CurrentStatesMirror states) {
        this(store, summarizer, assessor, mapper, config, clock, cache, points, inFlight, states, true,
                config.chunkSize());
    }

    /**
     * {@code healthReports} false: current summaries are computed without the account health report for now (a
     * rebuild's warm-up, which the rebuild waits for, where each account's report would cost two more folds); the live
     * refresher computes those reports after the switch, as stale summaries, and the account reports fold meanwhile.
     * {@code states} null: the account states are read from the tables each time (a rebuild's warm-up, whose tables
     * nobody else writes). {@code chunkSize}: accounts folded per chunk ({@code rebuild-chunk-size} in a warm-up).
     */
    public PortfolioReadModel(SummaryStore store, AccountSummarizer summarizer, AccountAssessor assessor,
                              ObjectMapper mapper, ReadModelConfig config, Clock clock, CurrentSummaryCache cache,
                              ParsedPoints points, SummariesInFlight inFlight, CurrentStatesMirror states,
                              boolean healthReports, int chunkSize) {
        this.healthReports = healthReports;
        this.chunkSize = chunkSize;
        this.states = states;
        this.inFlight = inFlight;
        this.cache = cache;
        this.points = points;
        this.store = store;
        this.summarizer = summarizer;
        this.assessor = assessor;
        this.mapper = mapper;
        this.config = config;
        this.clock = clock;
    }

    public Uni<Summaries> at(Instant asOf, boolean evidence) {
        lastAsked = System.nanoTime();
        return isNow(asOf, clock.instant(), config) ? current(asOf, evidence) : point(asOf, evidence);
    }

    /** Whether a question about {@code asOf} is about now: later than now minus {@code now-tolerance}. */
    static boolean isNow(Instant asOf, Instant now, ReadModelConfig config) {
        return asOf.isAfter(now.minus(config.nowTolerance()));
    }

    /**
     * Exact summaries at a past point: those kept there, from {@link ParsedPoints} when parsed before (matched by account
     * version and the row's {@code computed_at}), else read; those missing computed now and kept.
     */
    public Uni<Summaries> point(Instant asked, boolean evidence) {
        // as stored: the rows' as_of keeps microseconds, and so must the summaries in them (the facts' times have no more)
        Instant asOf = asked.truncatedTo(ChronoUnit.MICROS);
        return store.accountsAsOf(asOf).chain(accounts -> store.pointVersions(asOf).chain(kept -> {
            Map<String, AccountSummary> summaries = new HashMap<>();
            List<String> toRead = new ArrayList<>();
            List<AccountVersion> missing = new ArrayList<>();
            for (AccountVersion a : accounts) {
                PointRow row = kept.get(a.accountId());
                AccountSummary parsed = row == null || evidence ? null : points.get(asOf, a.accountId(), row);
                if (row == null) {
                    missing.add(a);
                } else if (parsed != null) {
                    summaries.put(a.accountId(), parsed);
                } else {
                    toRead.add(a.accountId());
                }
            }
            return store.pointOf(asOf, toRead, evidence)
                    .invoke(rows -> rows.forEach(row -> {
                        AccountSummary summary = read(row, evidence);
                        // under the row seen first: if it was replaced in between, the key matches no row again
                        PointRow seen = kept.get(row.accountId());
                        if (seen != null && seen.version() == row.version()) {
                            points.put(asOf, summary, seen);
                        }
                        summaries.put(row.accountId(), summary);
                    }))
                    .chain(() -> compute(missing, asOf, true))
                    .map(computed -> {
                        computed.forEach(c -> summaries.put(c.accountId(), evidence ? c : c.withoutEvidence()));
                        List<AccountSummary> all = new ArrayList<>(accounts.size());
                        for (AccountVersion a : accounts) {
                            AccountSummary s = summaries.get(a.accountId());
                            if (s != null) { // null only when a late event deleted the row between the two reads
                                all.add(s);
                            }
                        }
                        return new Summaries(asOf, all, new ReadModelStatus("POINT", asOf, asOf, all.size(),
                                computed.size(), 0));
                    });
        }));
    }

    /**
     * Current summaries; the stale ones computed now when few, else used as they are and counted as pending. The
     * summaries come from what the last report took for the same state objects ({@link LastCurrentSummaries}), else
     * from {@link CurrentSummaryCache} when it holds the stored row's (version, as_of); only the rows both lack are read
     * and parsed (all of them, with their evidence, when {@code evidence}).
     */
    public Uni<Summaries> current(Instant asOf, boolean evidence) {
        return current(asOf, evidence, config.syncRefreshMax());
    }

    /** The same, computing the stale summaries itself when at most {@code syncRefreshMax} are stale. */
    public Uni<Summaries> current(Instant asOf, boolean evidence, int syncRefreshMax) {
        Instant at = asOf.truncatedTo(ChronoUnit.MICROS); // as stored: the cache matches rows by their as_of
        Instant windowStart = windowStart(at);
        Instant tooOld = at.minus(config.currentMaxAge());
        return (this.states == null ? warmUpStates(at) : this.states.recent(at)).chain(recent -> {
            List<CurrentState> states = recent.states();
            Refresh refresh = Refresh.of(states, windowStart, tooOld, syncRefreshMax);
            // By position in states: 10,000 accounts a report, so no map of them all (the hot loop of a report).
            AccountSummary[] slots = new AccountSummary[states.size()];
            AccountSummary[] stored = new AccountSummary[slots.length]; // those at the state's own (version, as_of)
            LastCurrentSummaries.Taken last = evidence ? LastCurrentSummaries.Taken.NONE : lastCurrent.last();
            Map<String, Integer> slotOf = new HashMap<>(); // the accounts not taken from memory
            List<String> toRead = new ArrayList<>();
            for (int i = 0; i < slots.length; i++) {
                CurrentState state = states.get(i);
                if (refresh.computing().contains(state.accountId())) {
                    slotOf.put(state.accountId(), i);
                    continue;
                }
                AccountSummary taken = last.of(i, state);
                if (taken == null && !evidence) {
                    taken = cache.get(state.accountId(), state.summaryVersion(), state.summaryAsOf());
                }
                if (taken != null) {
                    slots[i] = taken;
                    stored[i] = taken;
                } else {
                    slotOf.put(state.accountId(), i);
                    toRead.add(state.accountId());
                }
            }
            return store.currentOf(toRead, evidence)
                    .invoke(rows -> rows.forEach(row -> {
                        AccountSummary summary = read(row, evidence);
                        cache.put(summary, row.version());
                        int i = slotOf.get(row.accountId());
                        slots[i] = summary;
                        CurrentState state = states.get(i);
                        if (!evidence && Long.valueOf(row.version()).equals(state.summaryVersion())
                                && row.asOf().equals(state.summaryAsOf())) {
                            stored[i] = summary; // not a row written after the state was read
                        }
                    }))
                    .chain(() -> compute(refresh.toCompute(), at, false))
                    .map(computed -> {
                        computed.forEach(c -> slots[slotOf.get(c.accountId())] = evidence ? c : c.withoutEvidence());
                        List<AccountSummary> all = new ArrayList<>(slots.length);
                        Instant from = null;
                        Instant to = null;
                        for (AccountSummary s : slots) {
                            if (s != null) { // null only when the row went between the two reads (a rebuild's switch)
                                all.add(s);
                                from = from == null || s.asOf().isBefore(from) ? s.asOf() : from;
                                to = to == null || s.asOf().isAfter(to) ? s.asOf() : to;
                            }
                        }
                        from = from == null ? at : from;
                        to = to == null ? at : to;
                        if (!evidence && this.states != null) { // a warm-up's states are new objects each time
                            lastCurrent.remember(states, stored);
                        }
                        return new Summaries(at, all, new ReadModelStatus("CURRENT", from, to, all.size(),
                                computed.size(), refresh.pending(), recent.readAt(), null));
                    });
        });
    }

    /** A rebuild's warm-up (no mirror): the states read now, as of the instant asked. */
    private Uni<RecentStates> warmUpStates(Instant at) {
        Instant asked = clock.instant();
        return store.currentStates(at).map(read -> new RecentStates(read, asked));
    }

    /**
     * What a current report computes itself: the accounts without a current summary or with one of another month
     * window, and the stale ones too when at most {@code syncRefreshMax} are (else they are answered as they are and
     * counted as pending).
     */
    record Refresh(List<AccountVersion> toCompute, java.util.Set<String> computing, int pending) {

        static Refresh of(List<CurrentState> states, Instant windowStart, Instant tooOld, int syncRefreshMax) {
            List<AccountVersion> must = new ArrayList<>();
            List<AccountVersion> stale = new ArrayList<>();
            for (CurrentState state : states) {
                switch (CurrentStanding.of(state.accountVersion(), state.summaryVersion(), state.summaryAsOf(),
                        windowStart, tooOld)) {
                    case MISSING -> must.add(new AccountVersion(state.accountId(), state.accountVersion()));
                    case STALE -> stale.add(new AccountVersion(state.accountId(), state.accountVersion()));
                    case HOLDS -> { }
                }
            }
            boolean syncAll = stale.size() <= syncRefreshMax;
            List<AccountVersion> toCompute = new ArrayList<>(must);
            if (syncAll) {
                toCompute.addAll(stale);
            }
            java.util.Set<String> computing = new java.util.HashSet<>();
            toCompute.forEach(a -> computing.add(a.accountId()));
            return new Refresh(toCompute, computing, syncAll ? 0 : stale.size());
        }
    }

    /**
     * How many current summaries the refresher has to compute again now ({@link CurrentStatesMirror#behind}, as of the
     * mirror's last read); -1 without the mirror (a rebuild's warm-up).
     */
    public int behindNow() {
        if (states == null) {
            return -1;
        }
        Staleness at = stalenessNow();
        return states.behind(at.windowStart(), at.tooOld(), healthReports);
    }

    /** Now as stored (microseconds: the cache matches rows by as_of), and the bounds a current summary holds within. */
    private record Staleness(Instant now, Instant windowStart, Instant tooOld) {
    }

    private Staleness stalenessNow() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return new Staleness(now, windowStart(now), now.minus(config.currentMaxAge()));
    }

    /** Brings up to {@code limit} stale current summaries up to date; the number computed. For the refresher. */
    public Uni<Integer> refreshCurrent(int limit) {
        Staleness at = stalenessNow();
        return (states == null ? store.staleCurrent(at.tooOld(), at.windowStart(), limit, healthReports)
                : states.stale(at.windowStart(), at.tooOld(), limit, healthReports))
                .chain(stale -> compute(stale, at.now(), false).map(List::size));
    }

    /**
     * Keeps a current summary computed elsewhere (an account health report for now that folded the history at
     * {@code summarized}'s asOf, truncated to microseconds as stored) as the account's current summary at
     * {@code version}: the version read <em>before</em> the facts were, so an event projected in between leaves the
     * row stale (computed again), never claiming a version it does not cover. An older version than the stored one is
     * not written ({@link SummaryStore#storeCurrent}).
     */
    public Uni<Void> keepCurrent(Summarized summarized, long version) {
        return store.storeCurrent(List.of(write(summarized, version, true)))
                .invoke(() -> cache.put(summarized.summary(), version));
    }

    /** How long since the last portfolio question (background work that competes with readers waits for quiet). */
    public Duration sinceLastAsked() {
        return Duration.ofNanos(System.nanoTime() - lastAsked);
    }

    /**
     * Computes up to {@code limit} missing summaries at the kept month ends, the latest month end first; the number
     * computed (0 when every kept month end has every account's summary).
     */
    public Uni<Integer> keepMonthEnds(int limit) {
        return keepMonthEnds(monthEnds(clock.instant()), 0, limit);
    }

    private Uni<Integer> keepMonthEnds(List<Instant> monthEnds, int index, int limit) {
        if (index >= monthEnds.size()) {
            return Uni.createFrom().item(0);
        }
        Instant monthEnd = monthEnds.get(index);
        return store.missingAt(monthEnd, limit).chain(missing -> missing.isEmpty()
                ? keepMonthEnds(monthEnds, index + 1, limit)
                : compute(missing, monthEnd, true).map(List::size));
    }

    /** The month ends kept ahead of questions at {@code now}: the last {@code month-ends} ends of past months. */
    List<Instant> monthEnds(Instant now) {
        List<Instant> ends = new ArrayList<>(config.monthEnds());
        java.time.YearMonth month = java.time.YearMonth.from(now.atOffset(java.time.ZoneOffset.UTC));
        for (int i = 1; i <= config.monthEnds(); i++) {
            ends.add(month.minusMonths(i - 1L).atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                    .minus(1, ChronoUnit.MICROS));
        }
        return ends;
    }

    /** The first instant whose month windows are those of {@code asOf} (windows count months complete at asOf). */
    static Instant windowStart(Instant asOf) {
        Instant monthStart = Dates.month(asOf.plus(1, ChronoUnit.MICROS)).atDay(1).atStartOfDay(java.time.ZoneOffset.UTC)
                .toInstant();
        return monthStart.minus(1, ChronoUnit.MICROS);
    }

    /**
     * The summaries of the accounts at asOf, computed and kept: at the point asOf, or as the current summaries. Each is
     * folded once however many callers ask for it at the same time ({@link SummariesInFlight}): a caller waits for those
     * another caller is computing and shares that computation's outcome, failing when it fails (four questions about a
     * new day would otherwise each fold every account again, one after the other); it computes them itself only when that
     * caller went away.
     */
    private Uni<List<AccountSummary>> compute(List<AccountVersion> accounts, Instant asOf, boolean point) {
        if (accounts.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        // claimed on subscription, not when the pipeline is assembled: a claim nobody computes would hold the accounts
        return Uni.createFrom().deferred(() -> computeClaimed(point ? inFlight.claimPoint(accounts, asOf)
                : inFlight.claimCurrent(accounts, windowStart(asOf)), accounts, asOf, point));
    }

    private Uni<List<AccountSummary>> computeClaimed(SummariesInFlight.Claim claim, List<AccountVersion> accounts,
                                                     Instant asOf, boolean point) {
        return fold(claim.toCompute(), asOf, point, claim)
                .onFailure().invoke(claim::abandon)
                .onCancellation().invoke(() -> claim.abandon(new CancellationException(
                        "the caller computing them went away")))
                .chain(own -> awaitJoined(claim, accounts, asOf, point).map(others -> {
                    List<AccountSummary> all = new ArrayList<>(own.size() + others.size());
                    all.addAll(own);
                    all.addAll(others);
                    return all;
                }));
    }

    /** The summaries other callers were computing for this claim; those of callers that went away computed here. */
    private Uni<List<AccountSummary>> awaitJoined(SummariesInFlight.Claim claim, List<AccountVersion> accounts,
                                                  Instant asOf, boolean point) {
        if (claim.joined().isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        CompletableFuture<?> all = CompletableFuture
                .allOf(claim.joined().values().toArray(CompletableFuture[]::new))
                .handle((ignored, failure) -> null); // each is looked at below
        return EventLoopGuard.offLoop(Uni.createFrom().completionStage(all)).chain(() -> {
            List<AccountSummary> got = new ArrayList<>(claim.joined().size());
            List<AccountVersion> givenUp = new ArrayList<>();
            Throwable failed = null;
            for (AccountVersion account : accounts) {
                CompletableFuture<AccountSummary> f = claim.joined().get(account.accountId());
                if (f != null) {
                    switch (f.state()) { // every one is done: all above waited for them
                        case SUCCESS -> got.add(f.resultNow());
                        case CANCELLED -> givenUp.add(account); // abandoned with a CancellationException: went away
                        default -> failed = f.exceptionNow();
                    }
                }
            }
            if (failed != null) {
                return Uni.createFrom().<List<AccountSummary>>failure(failed);
            }
            return compute(givenUp, asOf, point).map(again -> {
                got.addAll(again);
                return got;
            });
        });
    }

    /**
     * Folds and summarizes the accounts at asOf, a chunk at a time (histories of {@code chunk-size} accounts in one
     * query), on worker threads, {@code compute-concurrency} chunks at a time, and stores each chunk: at the point asOf,
     * or as the current summaries (each handed to {@code claim}'s waiters once stored). The summaries come back in no
     * particular order.
     */
    private Uni<List<AccountSummary>> fold(List<AccountVersion> accounts, Instant asOf, boolean point,
                                           SummariesInFlight.Claim claim) {
        if (accounts.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        boolean withHealth = !point && healthReports; // current summaries carry the account health report for now
        return EventLoopGuard.offLoop(Multi.createFrom().iterable(chunks(accounts))
                .onItem().transformToUni(chunk -> summarizeChunk(chunk, asOf, assessor.model(), null, withHealth)
                        .call(summarized -> {
                            List<Stored> docs = new ArrayList<>(summarized.size());
                            for (int i = 0; i < summarized.size(); i++) {
                                docs.add(write(summarized.get(i), chunk.get(i).version(), withHealth));
                            }
                            if (point) {
                                return store.storePoint(asOf, docs, config.keepPoints(), monthEnds(clock.instant()))
                                        .invoke(stored -> {
                                            for (int i = 0; i < summarized.size(); i++) {
                                                Instant at = stored.get(chunk.get(i).accountId());
                                                if (at != null) { // only the rows this stored: others were not it
                                                    points.put(asOf, summarized.get(i).summary(),
                                                            new PointRow(chunk.get(i).version(), at));
                                                }
                                                claim.done(summarized.get(i).summary());
                                            }
                                        });
                            }
                            return store.storeCurrent(docs).invoke(() -> {
                                for (int i = 0; i < summarized.size(); i++) {
                                    cache.put(summarized.get(i).summary(), chunk.get(i).version());
                                    claim.done(summarized.get(i).summary());
                                }
                            });
                        })
                        .map(summarized -> summarized.stream().map(Summarized::summary).toList()))
                .merge(config.computeConcurrency()) // one chunk's query and store overlap another's fold
                .collect().in(ArrayList<AccountSummary>::new, List::addAll)
                .map(list -> (List<AccountSummary>) list)); // on a worker: callers parse summaries next
    }

    /**
     * Every account's summary at asOf with health under {@code model}, folded from the histories chunk by chunk and not
     * kept: the read models hold the default model's summaries only, so another model costs a fold of every history
     * (as a first question about a new instant does). Mode FOLDED.
     */
    public Uni<Summaries> folded(Instant asOf, HealthModel model, boolean evidence) {
        return folded(asOf, model, evidence, null);
    }

    /**
     * The same from the facts known by {@code knownAt} (null: every fact projected): an account none of whose facts by
     * asOf had been recorded by then is left out, as it was unknown.
     */
    public Uni<Summaries> folded(Instant asOf, HealthModel model, boolean evidence, Instant knownAt) {
        lastAsked = System.nanoTime();
        return store.accountsAsOf(asOf).chain(accounts -> EventLoopGuard.offLoop(
                Multi.createFrom().iterable(chunks(accounts))
                        .onItem().transformToUni(chunk -> summarizeChunk(chunk, asOf, model, knownAt, false))
                        .merge(config.computeConcurrency())
                        .collect().in(HashMap<String, AccountSummary>::new, (map, list) -> list.forEach(x -> {
                            AccountSummary s = x.summary();
                            map.put(s.accountId(), evidence ? s : s.withoutEvidence());
                        })))
                .map(byId -> {
                    List<AccountSummary> all = new ArrayList<>(accounts.size());
                    accounts.forEach(a -> {
                        AccountSummary s = byId.get(a.accountId());
                        if (s != null) {
                            all.add(s);
                        }
                    });
                    return new Summaries(asOf, all, new ReadModelStatus("FOLDED", asOf, asOf, all.size(), all.size(), 0,
                            null, knownAt));
                }));
    }

    private List<List<AccountVersion>> chunks(List<AccountVersion> accounts) {
        return chunks(accounts, chunkSize);
    }

    /** {@code items} in consecutive sublists of at most {@code size}: the unit of one histories query. */
    static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            chunks.add(items.subList(i, Math.min(items.size(), i + size)));
        }
        return chunks;
    }

    /**
     * One chunk's histories read in one query and summarized on a worker thread, in the chunk's order; as current
     * summaries (with every account's full assessment, for the account health report for now) when {@code current}.
     * With a knownAt, the accounts without a fact known by then are left out (without one, every account of the chunk
     * has a fact by asOf: the chunk came from {@code accountsAsOf}).
     */
    private Uni<List<Summarized>> summarizeChunk(List<AccountVersion> chunk, Instant asOf, HealthModel model,
                                                 Instant knownAt, boolean current) {
        return store.histories(chunk.stream().map(AccountVersion::accountId).toList(), asOf, knownAt)
                .map(histories -> {
                    List<Summarized> summaries = new ArrayList<>(chunk.size());
                    for (AccountVersion account : chunk) {
                        if (knownAt != null && !histories.containsKey(account.accountId())) {
                            continue;
                        }
                        List<RecordedFact> history = assessor.history(histories.getOrDefault(account.accountId(), List.of()));
                        summaries.add(current ? summarizer.summarizeCurrent(account.accountId(), history, asOf)
                                : new Summarized(summarizer.summarize(account.accountId(), history, asOf, model), null));
                    }
                    return summaries;
                });
    }

    /** The summary as stored ({@link SummaryDocuments#write}). */
    private Stored write(Summarized summarized, long version, boolean withHealth) {
        return SummaryDocuments.write(mapper, summarized, version, withHealth);
    }

    private AccountSummary read(Stored stored, boolean evidence) {
        try {
            AccountSummary summary = mapper.readValue(stored.summary(), AccountSummary.class);
            return evidence && stored.evidence() != null
                    ? summary.with(mapper.readValue(stored.evidence(), AccountSummary.Evidence.class)) : summary;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("summary of " + stored.accountId() + " at " + stored.asOf() + " unreadable", e);
        }
    }
}
