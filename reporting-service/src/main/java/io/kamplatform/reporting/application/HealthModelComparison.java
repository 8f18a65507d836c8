package io.kamplatform.reporting.application;

import io.kamplatform.reporting.domain.facts.AccountFacts;
import io.kamplatform.reporting.domain.facts.RecordedFact;
import io.kamplatform.reporting.domain.health.HealthModel;
import io.kamplatform.reporting.domain.health.KamHealthCalculator;
import io.kamplatform.reporting.domain.health.ModelComparison;
import io.kamplatform.reporting.store.SummaryStore;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Health of every key account at asOf under two models, side by side: the key accounts come from the read model (the
 * summaries at asOf), their histories are read a chunk at a time and each folded once, then scored by both models
 * with the same calculator as every health report. Computed from history, so any past date works.
 */
@ApplicationScoped
public class HealthModelComparison {

    /** The key accounts compared, in account order, and their names (from the read model) by account id. */
    public record Compared(Instant asOf, List<ModelComparison> accounts, java.util.Map<String, String> names) {
    }

    private final KamReports reports;
    private final SummaryStore store;
    private final AccountAssessor assessor;
    private final ReadModelConfig config;

    public HealthModelComparison(KamReports reports, SummaryStore store, AccountAssessor assessor, ReadModelConfig config) {
        this.reports = reports;
        this.store = store;
        this.assessor = assessor;
        this.config = config;
    }

    public Uni<Compared> compare(Instant asOf, HealthModel base, HealthModel candidate) {
        return compare(asOf, null, base, candidate);
    }

    /** The same from the facts known by {@code knownAt} (null: every fact projected). */
    public Uni<Compared> compare(Instant asOf, Instant knownAt, HealthModel base, HealthModel candidate) {
        return reports.summaries(asOf, false, null, knownAt).chain(summaries -> {
            List<AccountSummary> keys = summaries.accounts().stream()
                    .filter(s -> s.keyAccount() && s.keyAccountView() != null).toList();
            List<List<AccountSummary>> chunks = PortfolioReadModel.chunks(keys, config.chunkSize());
            return EventLoopGuard.offLoop(Multi.createFrom().iterable(chunks)
                            .onItem().transformToUniAndConcatenate(chunk -> store.histories(
                                            chunk.stream().map(AccountSummary::accountId).toList(), asOf, knownAt)
                                    .map(histories -> {
                                        reports.computing("health-model-comparison");
                                        List<ModelComparison> compared = new ArrayList<>(chunk.size());
                                        for (AccountSummary s : chunk) {
                                            List<RecordedFact> history = assessor.history(
                                                    histories.getOrDefault(s.accountId(), List.of()));
                                            AccountFacts facts = assessor.factsAt(s.accountId(), history, asOf);
                                            compared.add(ModelComparison.of(KamHealthCalculator.assess(facts, asOf, base),
                                                    KamHealthCalculator.assess(facts, asOf, candidate)));
                                        }
                                        return compared;
                                    }))
                            .collect().in(ArrayList<ModelComparison>::new, List::addAll))
                    .map(all -> {
                        java.util.Map<String, String> names = new java.util.HashMap<>();
                        keys.forEach(s -> names.put(s.accountId(), s.keyAccountView().name()));
                        return new Compared(asOf, all, names);
                    });
        });
    }
}
