package io.kamplatform.reporting.application;

import io.kamplatform.reporting.domain.completeness.AccountCompleteness;
import io.kamplatform.reporting.domain.completeness.PortfolioCompleteness;
import io.kamplatform.reporting.domain.health.HealthModel;
import io.kamplatform.reporting.store.FactStore;
import io.kamplatform.reporting.store.StreamGapStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Answers the report questions for any point in time: account reports fold the account's history; portfolio reports
 * read the account summaries of the read model ({@link PortfolioReadModel}).
 */
@ApplicationScoped
public class KamReports {

    private final FactStore store;
    private final StreamGapStore gaps;
    private final AccountAssessor assessor;
    private final EventLoopGuard guard;
    private final PortfolioReadModel readModel;
    private final RecentRead<PortfolioCompleteness> portfolioCompleteness;

    public KamReports(FactStore store, StreamGapStore gaps, AccountAssessor assessor, EventLoopGuard guard,
                      PortfolioReadModel readModel, ReadModelConfig config, MeterRegistry registry) {
        this.store = store;
        this.gaps = gaps;
        this.assessor = assessor;
        this.guard = guard;
        this.readModel = readModel;
        this.portfolioCompleteness = new RecentRead<>("stream-gaps", () -> Uni.combine().all()
                .unis(gaps.incompleteAccounts(), gaps.totals()).asTuple()
                .map(t -> PortfolioCompleteness.of(t.getItem1(), t.getItem2().missingEvents())),
                config.portfolioReadsMaxAge(), registry, System::nanoTime);
    }

    /** Report work for {@code report} starts here (see {@link EventLoopGuard}). */
    public void computing(String report) {
        guard.computing(report);
    }

    /** Whether every event the producers committed about the account has arrived; if not, which are missing. */
    public Uni<AccountCompleteness> completenessOf(String accountId) {
        return gaps.missingEventsOf(accountId).map(AccountCompleteness::of);
    }

    /**
     * Whether the portfolio figures rest on every committed event; if not, which accounts lack some. As read at most
     * {@code portfolio-reads-max-age} before the question ({@link RecentRead}), as the account states are.
     */
    public Uni<PortfolioCompleteness> portfolioCompleteness() {
        return portfolioCompleteness.get();
    }

    /** The account as of {@code asOf}, or empty when nothing about it had happened by then. */
    public Uni<Optional<AccountAssessment>> account(String accountId, Instant asOf) {
        return account(accountId, asOf, assessor.model());
    }

    /** The account as of {@code asOf} with health under {@code model}. */
    public Uni<Optional<AccountAssessment>> account(String accountId, Instant asOf, HealthModel model) {
        return account(accountId, asOf, model, null);
    }

    /** The same from the facts known by {@code knownAt} (null: every fact projected). */
    public Uni<Optional<AccountAssessment>> account(String accountId, Instant asOf, HealthModel model, Instant knownAt) {
        return facts(accountId, asOf, knownAt).map(facts -> {
            guard.computing("account");
            return facts.isEmpty() ? Optional.empty() : Optional.of(assessor.assess(accountId, facts, asOf, model));
        });
    }

    /**
     * Every account with a fact by {@code asOf}, summarized for the portfolio reports (from the read model: one row
     * per account, never the events), with the event ids behind the figures when {@code evidence}.
     */
    public Uni<PortfolioReadModel.Summaries> summaries(Instant asOf, boolean evidence) {
        return EventLoopGuard.offLoop(readModel.at(asOf, evidence));
    }

    /**
     * The same with health under {@code model}: the read model for the default model; any other is folded from the
     * histories (no evidence kept).
     */
    public Uni<PortfolioReadModel.Summaries> summaries(Instant asOf, boolean evidence, HealthModel model) {
        return summaries(asOf, evidence, model, null);
    }

    /**
     * The same from the facts known by {@code knownAt} (null: every fact projected; a model null is the default): as
     * known at a past instant, every history is folded (the read model keeps what is known now only).
     */
    public Uni<PortfolioReadModel.Summaries> summaries(Instant asOf, boolean evidence, HealthModel model,
                                                       Instant knownAt) {
        HealthModel m = model == null ? assessor.model() : model;
        if (knownAt == null && m.equals(assessor.model())) {
            return summaries(asOf, evidence);
        }
        return EventLoopGuard.offLoop(readModel.folded(asOf, m, evidence, knownAt));
    }

    /** The account's own margin inputs at asOf, folded from its history (with evidence); empty without facts. */
    public Uni<Optional<io.kamplatform.reporting.domain.margin.MarginInputs>> marginInputs(String accountId, Instant asOf,
                                                                                           Instant knownAt) {
        return facts(accountId, asOf, knownAt).map(facts -> {
            guard.computing("account-margin-inputs");
            return facts.isEmpty() ? Optional.empty() : Optional.of(io.kamplatform.reporting.domain.margin
                    .MarginPressureCalculator.inputs(assessor.factsAt(accountId, assessor.history(facts), asOf), asOf));
        });
    }

    /**
     * The account's health score (null: no data) at the end of each of the {@code months - 1} months before asOf's
     * month and at asOf itself, oldest first: the history is read once and folded at each point, with the same
     * calculator as the health report.
     */
    public Uni<java.util.SortedMap<Instant, Integer>> healthHistory(String accountId, Instant asOf, int months) {
        return facts(accountId, asOf, null).map(facts -> {
            guard.computing("account-health-history");
            java.util.SortedMap<Instant, Integer> scores = new java.util.TreeMap<>();
            java.util.List<io.kamplatform.reporting.domain.facts.RecordedFact> history = assessor.history(facts);
            java.time.YearMonth month = java.time.YearMonth.from(asOf.atOffset(ZoneOffset.UTC));
            for (int back = months - 1; back >= 0; back--) {
                Instant at = back == 0 ? asOf : month.minusMonths(back).plusMonths(1).atDay(1)
                        .atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1000);
                scores.put(at, assessor.health(assessor.factsAt(accountId, history, at), at).score());
            }
            return scores;
        });
    }

    /** The account's facts that happened by asOf and were known by knownAt (null: every fact projected). */
    Uni<java.util.List<io.kamplatform.reporting.store.StoredFact>> facts(String accountId, Instant asOf, Instant knownAt) {
        return store.factsOf(accountId, asOf.atOffset(ZoneOffset.UTC), knownAt == null ? null : knownAt.atOffset(ZoneOffset.UTC));
    }
}
