package io.kamplatform.reporting.application;

import io.kamplatform.reporting.application.PortfolioReadModel.ReadModelStatus;
import io.kamplatform.reporting.domain.completeness.PortfolioCompleteness;
import io.kamplatform.reporting.domain.dependency.AccountHealth;
import io.kamplatform.reporting.domain.dependency.CustomerBasis;
import io.kamplatform.reporting.domain.dependency.DependencyInput;
import io.kamplatform.reporting.domain.dependency.DependencyRisk;
import io.kamplatform.reporting.domain.health.HealthModel;
import io.kamplatform.reporting.domain.dependency.DependencyRiskCalculator;
import io.kamplatform.reporting.domain.dependency.DependencyRules;
import io.kamplatform.reporting.domain.dependency.DependencyStressTest;
import io.kamplatform.reporting.domain.margin.MarginInputs;
import io.kamplatform.reporting.domain.margin.MarginPressure;
import io.kamplatform.reporting.domain.margin.MarginPressureCalculator;
import io.kamplatform.reporting.domain.margin.MarginPressureFilter;
import io.kamplatform.reporting.domain.margin.MarginPressureRanking;
import io.kamplatform.reporting.domain.potential.NeglectedPotential;
import io.kamplatform.reporting.domain.potential.NeglectedPotentialFinder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The commercial-risk reports: the calculators' portfolio step (domain) over the account summaries of the read model,
 * each with the portfolio's completeness and the read model's status. Computed on worker threads.
 */
@ApplicationScoped
public class CommercialRiskReports {

    /** A portfolio report and what it rests on. */
    public record Assessed<T>(T report, PortfolioCompleteness completeness, ReadModelStatus readModel) {
    }

    private final KamReports reports;
    private final DependencyRules rules;

    public CommercialRiskReports(KamReports reports, DependencyRules rules) {
        this.reports = reports;
        this.rules = rules;
    }

    public Uni<Assessed<DependencyRisk>> dependencyRisk(Instant at, CustomerBasis by, boolean evidence) {
        return dependencyRisk(at, by, evidence, null);
    }

    /** Dependency risk with revenue at risk priced by {@code model}'s health scores (null: the default model). */
    public Uni<Assessed<DependencyRisk>> dependencyRisk(Instant at, CustomerBasis by, boolean evidence, HealthModel model) {
        return dependencyRisk(at, null, by, evidence, model);
    }

    /** The same from the facts known by {@code knownAt} (null: every fact projected). */
    public Uni<Assessed<DependencyRisk>> dependencyRisk(Instant at, Instant knownAt, CustomerBasis by, boolean evidence,
                                                        HealthModel model) {
        DependencyRules basis = rules.withBy(by);
        return assessed(at, knownAt, evidence, model, all -> {
            reports.computing("dependency-risk");
            return DependencyRiskCalculator.assessInputs(dependencyInputs(all), at, health(all), basis);
        });
    }

    /** Fails with {@link io.kamplatform.reporting.domain.dependency.UnknownCustomerException} for an unknown customer. */
    public Uni<Assessed<DependencyStressTest>> stressTest(Instant at, CustomerBasis by, String leaving, boolean evidence) {
        return stressTest(at, null, by, leaving, evidence);
    }

    /** The same from the facts known by {@code knownAt} (null: every fact projected). */
    public Uni<Assessed<DependencyStressTest>> stressTest(Instant at, Instant knownAt, CustomerBasis by, String leaving,
                                                          boolean evidence) {
        DependencyRules basis = rules.withBy(by);
        return assessed(at, knownAt, evidence, null, all -> {
            reports.computing("dependency-stress-test");
            return DependencyRiskCalculator.stressTestInputs(dependencyInputs(all), at, health(all), basis, leaving);
        });
    }

    public Uni<Assessed<MarginPressureRanking>> marginPressure(Instant at, MarginPressureFilter filter, boolean evidence) {
        return marginPressure(at, null, filter, evidence);
    }

    /** The same from the facts known by {@code knownAt} (null: every fact projected). */
    public Uni<Assessed<MarginPressureRanking>> marginPressure(Instant at, Instant knownAt, MarginPressureFilter filter,
                                                               boolean evidence) {
        return assessed(at, knownAt, evidence, null, all -> {
            reports.computing("margin-pressure");
            return MarginPressureRanking.of(at, MarginPressureCalculator.assessInputs(
                    all.accounts().stream().map(AccountSummary::margin).toList(), at), filter);
        });
    }

    public Uni<Assessed<NeglectedPotential>> neglectedPotential(Instant at, boolean evidence) {
        return neglectedPotential(at, null, evidence);
    }

    /** The same from the facts known by {@code knownAt} (null: every fact projected). */
    public Uni<Assessed<NeglectedPotential>> neglectedPotential(Instant at, Instant knownAt, boolean evidence) {
        return assessed(at, knownAt, evidence, null, all -> {
            reports.computing("neglected-potential");
            return NeglectedPotentialFinder.findInputs(all.accounts().stream().map(AccountSummary::neglected).toList(), at);
        });
    }

    /**
     * One account's margin pressure: its own figures folded from its history now (with evidence), the portfolio
     * medians and baseline from the read model. Empty when nothing about the account had happened by asOf.
     */
    public Uni<Optional<MarginPressure>> accountMarginPressure(String accountId, Instant at) {
        return accountMarginPressure(accountId, at, null);
    }

    /** The same from the facts known by {@code knownAt} (null: every fact projected). */
    public Uni<Optional<MarginPressure>> accountMarginPressure(String accountId, Instant at, Instant knownAt) {
        return Uni.combine().all().unis(reports.summaries(at, false, null, knownAt),
                        reports.marginInputs(accountId, at, knownAt)).asTuple()
                .map(t -> {
                    reports.computing("account-margin-pressure");
                    if (t.getItem2().isEmpty()) {
                        return Optional.<MarginPressure>empty();
                    }
                    List<MarginInputs> all = new ArrayList<>(t.getItem1().accounts().size());
                    all.add(t.getItem2().get());
                    t.getItem1().accounts().stream().map(AccountSummary::margin)
                            .filter(m -> !m.accountId().equals(accountId)).forEach(all::add);
                    return MarginPressureCalculator.assessInputs(all, at).stream()
                            .filter(m -> m.accountId().equals(accountId)).findFirst();
                });
    }

    /** The report computed from the summaries (on a worker thread), with completeness and the read model's status. */
    private <T> Uni<Assessed<T>> assessed(Instant at, Instant knownAt, boolean evidence, HealthModel model,
                                          Function<PortfolioReadModel.Summaries, T> report) {
        return EventLoopGuard.offLoop(Uni.combine().all().unis(reports.summaries(at, evidence, model, knownAt),
                        reports.portfolioCompleteness()).asTuple())
                .map(t -> new Assessed<>(report.apply(t.getItem1()), t.getItem2(), t.getItem1().status()));
    }

    private static List<DependencyInput> dependencyInputs(PortfolioReadModel.Summaries summaries) {
        return summaries.accounts().stream().map(AccountSummary::dependency).toList();
    }

    private static Map<String, AccountHealth> health(PortfolioReadModel.Summaries summaries) {
        Map<String, AccountHealth> health = new HashMap<>();
        summaries.accounts().forEach(s -> health.put(s.accountId(), s.health()));
        return health;
    }
}
