package io.kamplatform.reporting.api;

import io.kamplatform.kit.api.Roles;
import io.kamplatform.kit.problem.Problem;
import io.kamplatform.kit.problem.ProblemException;
import io.kamplatform.kit.problem.ProblemType;
import io.kamplatform.kit.problem.Violation;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.kamplatform.reporting.application.CommercialRiskReports;
import io.kamplatform.reporting.application.HealthModels;
import io.kamplatform.reporting.domain.health.HealthModel;
import io.kamplatform.reporting.application.PortfolioReadModel.ReadModelStatus;
import io.kamplatform.reporting.domain.completeness.PortfolioCompleteness;
import io.kamplatform.reporting.domain.dependency.CustomerBasis;
import io.kamplatform.reporting.domain.dependency.DependencyRisk;
import io.kamplatform.reporting.domain.dependency.DependencyStressTest;
import io.kamplatform.reporting.domain.dependency.UnknownCustomerException;
import io.kamplatform.reporting.domain.margin.MarginPressure;
import io.kamplatform.reporting.domain.margin.MarginPressureFilter;
import io.kamplatform.reporting.domain.margin.MarginPressureRanking;
import io.kamplatform.reporting.domain.margin.PressureFlag;
import io.kamplatform.reporting.domain.potential.NeglectedPotential;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The risks KAM literature warns about most: dependence on a few customers, key accounts squeezing margins, and
 * small accounts with high potential nobody visits. Every figure lists its inputs; arithmetic is exact.
 */
@Path("/api/reports")
@Tag(name = "Commercial risk reports", description = "Dependency on few customers, margin pressure and neglected potential across the portfolio")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "400", description = "Invalid parameter, e.g. an asOf after today", content = @Content(mediaType = "application/problem+json"))
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = "application/problem+json"))
@APIResponse(responseCode = "403", description = "Role kam-reader required", content = @Content(mediaType = "application/problem+json"))
@Produces(MediaType.APPLICATION_JSON)
public class CommercialRiskResource {

    // Each report with dataComplete, accountsWithMissingEvents, missingEventCount and incompleteAccountIds (unwrapped).

    /**
     * Dependency risk: {@code customers} and {@code pareto} are the page (by rank); {@code accountsWithUnknownRisk} and
     * {@code excludedCustomers} hold at most limit entries, the counts say how many there are.
     */
    public record DependencyRiskReport(@JsonUnwrapped DependencyRisk dependencyRisk, Page page,
                                       int accountsWithUnknownRiskCount, int excludedCustomerCount,
                                       @JsonUnwrapped PortfolioCompleteness completeness, ReadModelStatus readModel) {
    }

    /** Dependency stress test; {@code before} and {@code after} paged as the dependency risk report. */
    public record StressTestReport(@JsonUnwrapped DependencyStressTest stressTest, Page page,
                                   @JsonUnwrapped PortfolioCompleteness completeness, ReadModelStatus readModel) {
    }

    /** Margin pressure ranking; {@code accounts} is the page. */
    public record MarginPressureRankingReport(@JsonUnwrapped MarginPressureRanking ranking, Page page,
                                              @JsonUnwrapped PortfolioCompleteness completeness, ReadModelStatus readModel) {
    }

    /** Neglected potential; {@code accounts} is the page. */
    public record NeglectedPotentialReport(@JsonUnwrapped NeglectedPotential neglectedPotential, Page page,
                                           @JsonUnwrapped PortfolioCompleteness completeness, ReadModelStatus readModel) {
    }

    static final List<String> RANK_SORT = ListQuery.sorts("rank");
    static final List<String> MARGIN_SORTS = ListQuery.sorts("score", "accountId");
    static final List<String> POTENTIAL_SORT = ListQuery.sorts("potential");

    static final String BY_DESCRIPTION = "Who counts as one customer: 'group' (default; accounts rolled up to their top "
            + "parent, as groups under common control buy and leave together: the truer risk) or 'account' (every account "
            + "its own customer: the invoiced entities finance asks about first). Anything else: 400.";

    private final CommercialRiskReports reports;
    private final HealthModels models;
    private final Clock clock;

    public CommercialRiskResource(CommercialRiskReports reports, HealthModels models, Clock clock) {
        this.reports = reports;
        this.models = models;
        this.clock = clock;
    }

    @GET
    @Path("/portfolio/dependency-risk")
    @RolesAllowed({Roles.KAM_READER, Roles.KAM_ADMIN})
    @Operation(summary = "Dependency risk", description = "On the trailing-12-month revenue (the 12 months complete at "
            + "asOf, stated in window), customers counted by group (default) or by account: top-1/5/10 share, top-20% "
            + "share, N80, HHI, effective number of customers, major customers (>= 10%), revenue at risk split into "
            + "known risk (accounts whose health score rests on at least minHealthCoveragePct of the model's weight, "
            + "kam.dependency.min-health-coverage-pct, default 50) and unknown risk (no score or too little data, never "
            + "priced at an assumed score), a KAM-justified verdict with reasons (HHI >= 1500, a customer >= 10%, or with "
            + "10+ customers the 80/20 pattern), and the Pareto curve.")
    @APIResponseSchema(value = DependencyRiskReport.class, responseCode = "200", responseDescription = "The report as of asOf")
    public Uni<DependencyRiskReport> dependencyRisk(@Parameter(description = AsOf.DESCRIPTION) @QueryParam("asOf") String asOf,
            @Parameter(description = AsKnownAt.DESCRIPTION) @QueryParam("asKnownAt") String asKnownAt,
                                                    @Parameter(description = BY_DESCRIPTION) @QueryParam("by") String by,
                                                    @Parameter(description = ListQuery.LIMIT) @QueryParam("limit") Integer limit,
                                                    @Parameter(description = ListQuery.OFFSET) @QueryParam("offset") Integer offset,
                                                    @Parameter(description = "rank (the only order: by revenue, highest first)") @QueryParam("sort") String sort,
                                                    @Parameter(description = ListQuery.VIEW) @QueryParam("view") String view,
                                                    @Parameter(description = ListQuery.INCLUDE) @QueryParam("include") String include,
                                                    @Parameter(description = ModelParameter.DESCRIPTION) @QueryParam("model") String model) {
        CustomerBasis basis = basis(by);
        AsKnownAt when = AsKnownAt.parse(asOf, asKnownAt, clock);
        Instant at = when.asOf();
        ListQuery list = ListQuery.parse(limit, offset, sort, RANK_SORT, view, include);
        HealthModel healthModel = ModelParameter.parse("model", model, models);
        return reports.dependencyRisk(at, when.knownAt(), basis, list.evidence(), healthModel).map(a -> new DependencyRiskReport(page(a.report(), list),
                list.pageOf(a.report().customers().size()), a.report().accountsWithUnknownRisk().size(),
                a.report().excludedCustomers().size(), a.completeness(), a.readModel()));
    }

    @GET
    @Path("/portfolio/dependency-risk/stress-test")
    @RolesAllowed({Roles.KAM_READER, Roles.KAM_ADMIN})
    @Operation(summary = "Dependency stress test", description = "The dependency figures if a customer left, and the "
            + "change against today's: by=group (default) the whole group of the named account or group leaves; "
            + "by=account the named account alone (one subsidiary), with every account its own customer. 404 when the "
            + "id names no customer of that view.")
    @APIResponseSchema(value = StressTestReport.class, responseCode = "200", responseDescription = "The report as of asOf")
    @APIResponse(responseCode = "404", description = "No such account (or, by=group, customer group) in the portfolio",
            content = @Content(mediaType = "application/problem+json"))
    public Uni<StressTestReport> stressTest(@Parameter(description = AsOf.DESCRIPTION) @QueryParam("asOf") String asOf,
            @Parameter(description = AsKnownAt.DESCRIPTION) @QueryParam("asKnownAt") String asKnownAt,
                                            @Parameter(description = "The account (or, by=group, the customer group) that would leave")
                                            @QueryParam("leaving") String leaving,
                                            @Parameter(description = BY_DESCRIPTION) @QueryParam("by") String by,
                                            @Parameter(description = ListQuery.LIMIT) @QueryParam("limit") Integer limit,
                                            @Parameter(description = ListQuery.OFFSET) @QueryParam("offset") Integer offset,
                                            @Parameter(description = "rank (the only order)") @QueryParam("sort") String sort,
                                            @Parameter(description = ListQuery.VIEW) @QueryParam("view") String view,
                                            @Parameter(description = ListQuery.INCLUDE) @QueryParam("include") String include) {
        IdParameter.require("leaving", leaving, "the account (or group) that would leave; ");
        CustomerBasis basis = basis(by);
        AsKnownAt when = AsKnownAt.parse(asOf, asKnownAt, clock);
        Instant at = when.asOf();
        ListQuery list = ListQuery.parse(limit, offset, sort, RANK_SORT, view, include);
        return reports.stressTest(at, when.knownAt(), basis, leaving, list.evidence())
                .onFailure(UnknownCustomerException.class)
                .transform(e -> new ProblemException(Problem.of(ProblemType.NOT_FOUND, e.getMessage())))
                .map(a -> new StressTestReport(a.report().with(page(a.report().before(), list), page(a.report().after(), list)),
                        list.pageOf(a.report().before().customers().size()), a.completeness(), a.readModel()));
    }

    /** {@code account} or {@code group}; absent means group. */
    private static CustomerBasis basis(String by) {
        if (by == null) {
            return CustomerBasis.GROUP;
        }
        return CustomerBasis.parse(by).orElseThrow(() -> new ProblemException(Problem.invalid(List.of(
                new Violation("by", "must be 'account' or 'group' (default group)")))));
    }

    @GET
    @Path("/portfolio/margin-pressure")
    @RolesAllowed({Roles.KAM_READER, Roles.KAM_ADMIN})
    @Operation(summary = "Margin pressure ranking", description = "Accounts by 0-100 pressure score, highest first; "
            + "filter to key accounts, a minimum score, or a flag (SQUEEZE, STATUS_ABUSE). States the 12-month window, the "
            + "4 quarters, the medians and the service-intensity baseline (MEDIAN, or MEAN when the median is 0).")
    @APIResponseSchema(value = MarginPressureRankingReport.class, responseCode = "200", responseDescription = "The report as of asOf")
    public Uni<MarginPressureRankingReport> marginPressure(@Parameter(description = AsOf.DESCRIPTION) @QueryParam("asOf") String asOf,
            @Parameter(description = AsKnownAt.DESCRIPTION) @QueryParam("asKnownAt") String asKnownAt,
                                                     @Parameter(description = "true or false (default false)")
                                                     @QueryParam("keyAccountsOnly") @DefaultValue("false") String keyAccountsOnly,
                                                     @QueryParam("minScore") Integer minScore, @QueryParam("flag") String flag,
                                                     @Parameter(description = ListQuery.LIMIT) @QueryParam("limit") Integer limit,
                                                     @Parameter(description = ListQuery.OFFSET) @QueryParam("offset") Integer offset,
                                                     @Parameter(description = "score (default: highest first, ties by account id) or accountId") @QueryParam("sort") String sort,
                                                     @Parameter(description = ListQuery.VIEW) @QueryParam("view") String view,
                                                     @Parameter(description = ListQuery.INCLUDE) @QueryParam("include") String include) {
        AsKnownAt when = AsKnownAt.parse(asOf, asKnownAt, clock);
        Instant at = when.asOf();
        ListQuery list = ListQuery.parse(limit, offset, sort, MARGIN_SORTS, view, include);
        if (minScore != null && (minScore < 0 || minScore > 100)) {
            throw new ProblemException(Problem.invalid(List.of(new Violation("minScore", "must be between 0 and 100"))));
        }
        PressureFlag pressureFlag = flag == null ? null : Arrays.stream(PressureFlag.values())
                .filter(f -> f.name().equals(flag)).findFirst()
                .orElseThrow(() -> new ProblemException(Problem.invalid(List.of(new Violation("flag",
                        "must be one of " + Arrays.toString(PressureFlag.values()))))));
        // Read strictly: JAX-RS would turn any word but "true" (a typo such as "yes") silently into false.
        if (!keyAccountsOnly.equals("true") && !keyAccountsOnly.equals("false")) {
            throw new ProblemException(Problem.invalid(List.of(new Violation("keyAccountsOnly", "must be true or false"))));
        }
        MarginPressureFilter filter = new MarginPressureFilter(Boolean.parseBoolean(keyAccountsOnly), minScore, pressureFlag);
        return reports.marginPressure(at, when.knownAt(), filter, list.evidence()).map(a -> {
                    MarginPressureRanking ranking = a.report();
                    List<MarginPressure> ranked = list.sort().equals("accountId") ? ranking.accounts().stream()
                            .sorted(java.util.Comparator.comparing(MarginPressure::accountId)).toList() : ranking.accounts();
                    return new MarginPressureRankingReport(ranking.withAccounts(list.page(ranked)),
                            list.pageOf(ranked.size()), a.completeness(), a.readModel());
                });
    }

    @GET
    @Path("/portfolio/neglected-potential")
    @RolesAllowed({Roles.KAM_READER, Roles.KAM_ADMIN})
    @Operation(summary = "Neglected potential", description = "Non-key accounts in the top quartile of assessed potential, "
            + "below 25% penetration, with no interaction in 90 days - with the figures that put each on the list.")
    @APIResponseSchema(value = NeglectedPotentialReport.class, responseCode = "200", responseDescription = "The report as of asOf")
    public Uni<NeglectedPotentialReport> neglectedPotential(@Parameter(description = AsOf.DESCRIPTION) @QueryParam("asOf") String asOf,
            @Parameter(description = AsKnownAt.DESCRIPTION) @QueryParam("asKnownAt") String asKnownAt,
                                                            @Parameter(description = ListQuery.LIMIT) @QueryParam("limit") Integer limit,
                                                            @Parameter(description = ListQuery.OFFSET) @QueryParam("offset") Integer offset,
                                                            @Parameter(description = "potential (the only order: highest first)") @QueryParam("sort") String sort,
                                                            @Parameter(description = ListQuery.VIEW) @QueryParam("view") String view,
                                                            @Parameter(description = ListQuery.INCLUDE) @QueryParam("include") String include) {
        AsKnownAt when = AsKnownAt.parse(asOf, asKnownAt, clock);
        Instant at = when.asOf();
        ListQuery list = ListQuery.parse(limit, offset, sort, POTENTIAL_SORT, view, include);
        return reports.neglectedPotential(at, when.knownAt(), list.evidence()).map(a -> new NeglectedPotentialReport(
                a.report().withAccounts(list.page(a.report().accounts())), list.pageOf(a.report().accounts().size()),
                a.completeness(), a.readModel()));
    }

    /** The page of customers (and their Pareto points); the other lists cut to the limit. */
    private static DependencyRisk page(DependencyRisk risk, ListQuery list) {
        return risk.withLists(list.page(risk.customers()), list.page(risk.pareto()),
                firstOf(risk.accountsWithUnknownRisk(), list.limit()), firstOf(risk.excludedCustomers(), list.limit()));
    }

    private static <T> List<T> firstOf(List<T> all, int limit) {
        return all.size() <= limit ? all : List.copyOf(all.subList(0, limit));
    }
}
