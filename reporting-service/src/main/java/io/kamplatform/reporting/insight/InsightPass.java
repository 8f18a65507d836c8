package io.kamplatform.reporting.insight;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kamplatform.reporting.application.AccountAssessor;
import io.kamplatform.reporting.application.AccountSummary;
import io.kamplatform.reporting.application.CurrentStatesMirror;
import io.kamplatform.reporting.application.EventLoopGuard;
import io.kamplatform.reporting.application.PortfolioReadModel;
import io.kamplatform.reporting.domain.dependency.DependencyRules;
import io.kamplatform.reporting.store.SummaryStore.CurrentState;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One insight pass: every account's current summary and the portfolio's figures are turned into conclusions
 * ({@link InsightAssessment}), compared with the conclusions recorded before, and each change becomes an insight
 * ({@link InsightRules}); the new conclusions and the insights commit in one transaction, under a lock one pass holds
 * at a time. Deterministic: a pass that sees what the last one recorded derives nothing, and the same change from the
 * same causes has the same id, so a pass repeated, restarted or racing another derives no duplicate.
 * <p>
 * <b>Consistency</b>: a pass runs only on current summaries none of which is pending (a bulk load in progress is not
 * concluded on half-way); an account whose summary moved on while the pass read them (a fact arrived in between) is
 * left for the next pass: its conclusions are neither compared nor recorded now, so an account's insight always rests
 * on one consistent summary. Under ingest that never pauses, the passes therefore still advance (the scheduler's
 * {@code max-delay}). A rebuild switches its fresh tables in only when complete, so it is never seen
 * half-way either, and since the recorded conclusions are not part of the read model, a rebuilt read model that
 * concludes the same derives nothing.
 * <p>
 * <b>First observation</b>: the baseline is the empty portfolio on a database that had no account when insights were
 * installed (migration V7 records it: a new installation, the demo); on one that had accounts, the first pass records
 * every conclusion silently (a service upgraded to insights does not announce what was already so). After that, an
 * account seen for the first time is compared with {@link AccountConclusions#NOTHING}: alert states it arrives with
 * (a pressure flag, neglected potential, overdue objectives, a major-customer share) are announced, while its first
 * band and stage are recorded silently (a change needs a before).
 */
@ApplicationScoped
public class InsightPass {

    /**
     * A pass computes up to this many stale summaries itself (a report for now computes only {@code sync-refresh-max},
     * 10, so that readers do not wait for folds): under a steady ingest some are always stale, and a pass that waited for
     * none would never run; more than this is a bulk load, which a pass waits out.
     */
    static final int SYNC_REFRESH_MAX = 200;

    private final PortfolioReadModel readModel;
    private final CurrentStatesMirror states;
    private final InsightStore store;
    private final DependencyRules rules;
    private final AccountAssessor assessor;
    private final ObjectMapper mapper;
    private final InsightMetrics metrics;
    private final InsightRelay relay;

    public InsightPass(PortfolioReadModel readModel, CurrentStatesMirror states, InsightStore store, DependencyRules rules,
                       AccountAssessor assessor, ObjectMapper mapper, InsightMetrics metrics, InsightRelay relay) {
        this.relay = relay;
        this.readModel = readModel;
        this.states = states;
        this.store = store;
        this.rules = rules;
        this.assessor = assessor;
        this.mapper = mapper;
        this.metrics = metrics;
    }

    /** Runs a pass at {@code now} and wakes the relay when it added insights. */
    public Uni<PassResult> run(Instant now) {
        return EventLoopGuard.offLoop(readModel.current(now, false, SYNC_REFRESH_MAX)).chain(current -> {
            if (current.status().accountsPending() > 0) {
                return Uni.createFrom().item(PassResult.skipped(current.status().accountsPending() + " summaries pending"));
            }
            return this.states.at(current.asOf()).chain(states -> {
                Map<String, Long> versions = new HashMap<>();
                Map<String, CurrentState> byId = new HashMap<>();
                Set<String> movedOn = new HashSet<>();
                states.forEach(s -> byId.put(s.accountId(), s));
                for (AccountSummary s : current.accounts()) {
                    CurrentState state = byId.get(s.accountId());
                    if (state == null || state.summaryVersion() == null || state.summaryVersion() != state.accountVersion()
                            || !s.asOf().equals(state.summaryAsOf())) {
                        movedOn.add(s.accountId()); // the next pass assesses it on its new summary
                        continue;
                    }
                    versions.put(s.accountId(), state.accountVersion());
                }
                InsightAssessment assessment = InsightAssessment.of(current.accounts(), versions, current.asOf(), rules);
                return record(assessment, now, movedOn);
            });
        }).invoke(result -> {
            if (result.ran()) {
                metrics.passRan();
            }
            result.added().forEach(metrics::derived);
            if (!result.added().isEmpty()) {
                relay.wakeUp(); // after the commit: the rows are publishable now
            }
        });
    }

    /**
     * Compares the assessment with the recorded conclusions and records the changes with their insights (the
     * portfolio's only when the assessment has them: the tests feed single accounts).
     */
    Uni<PassResult> record(InsightAssessment a, Instant now) {
        return record(a, now, Set.of());
    }

    /**
     * The same, leaving the accounts of {@code movedOn} for the next pass. The comparison runs on a worker thread (it
     * reads and writes every account's conclusions: ~10,000 small JSON documents at full size).
     */
    Uni<PassResult> record(InsightAssessment a, Instant now, Set<String> movedOn) {
        LocalDate day = now.atOffset(ZoneOffset.UTC).toLocalDate();
        String model = assessor.model().version();
        return store.pool().withTransaction(tx -> EventLoopGuard.offLoop(store.lockPass(tx).chain(() -> store.recorded(tx)))
                .chain(recorded -> {
            boolean baseline = !recorded.containsKey("portfolio/" + Insight.PORTFOLIO);
            Map<String, Integer> fresh = new HashMap<>();
            Set<String> newerRecorded = new HashSet<>(movedOn); // not compared nor recorded by this pass
            for (AccountAssessed account : a.accounts().values()) {
                InsightStore.Recorded r = recorded.get("account/" + account.accountId());
                long from = r == null ? 0 : r.version();
                if (movedOn.contains(account.accountId())) {
                    continue;
                }
                if (r != null && r.assessedAt().isAfter(now)) {
                    // A pass that started later (and saw as much or more) recorded it already: this one is behind.
                    newerRecorded.add(account.accountId());
                } else if (account.version() > from) {
                    fresh.put(account.accountId(), (int) Math.min(Integer.MAX_VALUE, account.version() - from));
                }
            }
            return EventLoopGuard.offLoop(store.causes(tx, fresh, InsightRules.MAX_CAUSES)).chain(causes -> {
                List<Insight> insights = new ArrayList<>();
                List<InsightStore.Recorded> rows = new ArrayList<>();
                for (AccountAssessed account : a.accounts().values()) {
                    if (newerRecorded.contains(account.accountId())) {
                        continue;
                    }
                    String doc = json(account.conclusions());
                    InsightStore.Recorded r = recorded.get("account/" + account.accountId());
                    if (r != null && r.version() == account.version() && r.conclusions().equals(doc)) {
                        continue;
                    }
                    if (!baseline) {
                        AccountConclusions before = r == null ? AccountConclusions.NOTHING
                                : parse(r.conclusions(), AccountConclusions.class);
                        insights.addAll(InsightRules.account(account, before,
                                causes.getOrDefault(account.accountId(), List.of()), model, now, day));
                    }
                    rows.add(new InsightStore.Recorded("account", account.accountId(), account.version(), doc, now));
                }
                String doc = a.portfolio() == null ? null : json(a.portfolio().conclusions());
                InsightStore.Recorded r = recorded.get("portfolio/" + Insight.PORTFOLIO);
                if (doc != null && (r == null || !r.conclusions().equals(doc)) && (r == null || !r.assessedAt().isAfter(now))) {
                    if (r != null) {
                        insights.addAll(InsightRules.portfolio(a.portfolio(), parse(r.conclusions(), PortfolioConclusions.class),
                                a.accounts(), causes, now, day));
                    }
                    rows.add(new InsightStore.Recorded("portfolio", Insight.PORTFOLIO, 0, doc, now));
                }
                List<String> payloads = insights.stream().map(i -> json(i.payload())).toList();
                Map<String, Insight> byId = new HashMap<>();
                insights.forEach(i -> byId.put(i.insightId(), i));
                return store.record(tx, rows, now).chain(() -> store.add(tx, insights, payloads))
                        .map(added -> new PassResult(true, null, a.accounts().size(), baseline,
                                added.stream().map(row -> byId.get(row[0])).toList()));
            });
        }));
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T parse(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("recorded conclusions unreadable: " + json, e);
        }
    }
}
