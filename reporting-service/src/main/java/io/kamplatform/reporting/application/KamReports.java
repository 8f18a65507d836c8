package io.kamplatform.reporting.application;

import io.kamplatform.reporting.store.FactStore;
import io.kamplatform.reporting.store.StoredFact;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Answers the report questions from the projected history, for any point in time. */
@ApplicationScoped
public class KamReports {

    private final FactStore store;
    private final AccountAssessor assessor;

    public KamReports(FactStore store, AccountAssessor assessor) {
        this.store = store;
        this.assessor = assessor;
    }

    /** The account as of {@code asOf}, or empty when nothing about it had happened by then. */
    public Uni<Optional<AccountAssessment>> account(String accountId, Instant asOf) {
        return store.factsOf(accountId, asOf.atOffset(ZoneOffset.UTC)).map(facts -> facts.isEmpty()
                ? Optional.empty() : Optional.of(assessor.assess(accountId, facts, asOf)));
    }

    /** Every account that was a key account at {@code asOf}, assessed. */
    public Uni<List<AccountAssessment>> keyAccounts(Instant asOf) {
        return allAccounts(asOf).map(all -> all.stream()
                .filter(a -> a.facts().profile() != null && a.facts().profile().keyAccount()).toList());
    }

    /** Every account with any fact up to {@code asOf}, assessed: the portfolio the portfolio reports work on. */
    public Uni<List<AccountAssessment>> allAccounts(Instant asOf) {
        return store.allFactsAsOf(asOf.atOffset(ZoneOffset.UTC)).map(facts -> {
            Map<String, List<StoredFact>> byAccount = new LinkedHashMap<>();
            facts.forEach(f -> byAccount.computeIfAbsent(f.accountId(), id -> new ArrayList<>()).add(f));
            List<AccountAssessment> assessed = new ArrayList<>();
            byAccount.forEach((accountId, history) -> assessed.add(assessor.assess(accountId, history, asOf)));
            return assessed;
        });
    }
}
