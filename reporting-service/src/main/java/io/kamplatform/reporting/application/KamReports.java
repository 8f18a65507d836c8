package io.kamplatform.reporting.application;

import io.kamplatform.reporting.domain.completeness.AccountCompleteness;
import io.kamplatform.reporting.domain.completeness.PortfolioCompleteness;
import io.kamplatform.reporting.domain.dependency.AccountHealth;
import io.kamplatform.reporting.domain.facts.AccountFacts;
import io.kamplatform.reporting.domain.facts.RecordedFact;
import io.kamplatform.reporting.store.FactStore;
import io.kamplatform.reporting.store.StoredFact;
import io.kamplatform.reporting.store.StreamGapStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Answers the report questions from the projected history, for any point in time. */
@ApplicationScoped
public class KamReports {

    private final FactStore store;
    private final StreamGapStore gaps;
    private final AccountAssessor assessor;
    private final EventLoopGuard guard;

    public KamReports(FactStore store, StreamGapStore gaps, AccountAssessor assessor, EventLoopGuard guard) {
        this.store = store;
        this.gaps = gaps;
        this.assessor = assessor;
        this.guard = guard;
    }

    /** Report work for {@code report} starts here (see {@link EventLoopGuard}). */
    public void computing(String report) {
        guard.computing(report);
    }

    /** Whether every event the producers committed about the account has arrived; if not, which are missing. */
    public Uni<AccountCompleteness> completenessOf(String accountId) {
        return gaps.missingEventsOf(accountId).map(AccountCompleteness::of);
    }

    /** Whether the portfolio figures rest on every committed event; if not, which accounts lack some. */
    public Uni<PortfolioCompleteness> portfolioCompleteness() {
        return Uni.combine().all().unis(gaps.incompleteAccounts(), gaps.totals()).asTuple()
                .map(t -> PortfolioCompleteness.of(t.getItem1(), t.getItem2().missingEvents()));
    }

    /** The account as of {@code asOf}, or empty when nothing about it had happened by then. */
    public Uni<Optional<AccountAssessment>> account(String accountId, Instant asOf) {
        return EventLoopGuard.offLoop(store.factsOf(accountId, asOf.atOffset(ZoneOffset.UTC))).map(facts -> {
            guard.computing("account");
            return facts.isEmpty() ? Optional.empty() : Optional.of(assessor.assess(accountId, facts, asOf));
        });
    }

    /** Every account that was a key account at {@code asOf}, assessed; other accounts are only folded. */
    public Uni<List<AccountAssessment>> keyAccounts(Instant asOf) {
        return histories(asOf).map(histories -> {
            List<AccountAssessment> assessed = new ArrayList<>();
            histories.forEach((accountId, history) -> {
                AccountFacts now = assessor.factsAt(accountId, history, asOf);
                if (now.profile() != null && now.profile().keyAccount()) {
                    assessed.add(assessor.assess(accountId, history, now, asOf));
                }
            });
            return assessed;
        });
    }

    /** Every account with any fact up to {@code asOf}, folded: what the portfolio figures are computed from. */
    public Uni<List<AccountFacts>> portfolio(Instant asOf) {
        return histories(asOf).map(histories -> histories.entrySet().stream()
                .map(e -> assessor.factsAt(e.getKey(), e.getValue(), asOf)).toList());
    }

    /** Health score and data coverage by account at {@code asOf}. */
    public Map<String, AccountHealth> health(List<AccountFacts> portfolio, Instant asOf) {
        Map<String, AccountHealth> health = new HashMap<>();
        portfolio.forEach(facts -> health.put(facts.accountId(), assessor.health(facts, asOf)));
        return health;
    }

    private Uni<Map<String, List<RecordedFact>>> histories(Instant asOf) {
        return EventLoopGuard.offLoop(store.allFactsAsOf(asOf.atOffset(ZoneOffset.UTC))).map(facts -> {
            guard.computing("portfolio-fold");
            Map<String, List<StoredFact>> byAccount = new LinkedHashMap<>();
            facts.forEach(f -> byAccount.computeIfAbsent(f.accountId(), id -> new ArrayList<>()).add(f));
            Map<String, List<RecordedFact>> histories = new LinkedHashMap<>();
            byAccount.forEach((accountId, stored) -> histories.put(accountId, assessor.history(stored)));
            return histories;
        });
    }
}
