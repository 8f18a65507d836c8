package io.kamplatform.reporting.api;

import io.kamplatform.kit.api.Roles;
import io.kamplatform.kit.problem.Problem;
import io.kamplatform.kit.problem.ProblemException;
import io.kamplatform.kit.problem.Violation;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.kamplatform.reporting.application.AccountSummary;
import io.kamplatform.reporting.application.KeyAccountView;
import io.kamplatform.reporting.application.PortfolioReadModel;
import io.kamplatform.reporting.application.PortfolioReadModel.ReadModelStatus;
import io.kamplatform.reporting.application.EventLoopGuard;
import io.kamplatform.reporting.application.HealthModels;
import io.kamplatform.reporting.application.KamReports;
import io.kamplatform.reporting.domain.health.HealthModel;
import io.kamplatform.reporting.domain.completeness.PortfolioCompleteness;
import io.kamplatform.reporting.domain.health.Band;
import io.kamplatform.reporting.domain.portfolio.Alert;
import io.kamplatform.reporting.domain.portfolio.ManagerAlerts;
import io.kamplatform.reporting.domain.health.HealthWindows;
import io.kamplatform.reporting.domain.stage.RelationshipStage;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Portfolio views over all key accounts: health worst first, and per key account manager. */
@Path("/api/reports")
@Tag(name = "Portfolio reports", description = "Key accounts worst first and per key account manager, as of any past point in time")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "400", description = "Invalid parameter, e.g. an asOf after today", content = @Content(mediaType = "application/problem+json"))
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = "application/problem+json"))
@APIResponse(responseCode = "403", description = "Role kam-reader required", content = @Content(mediaType = "application/problem+json"))
@Produces(MediaType.APPLICATION_JSON)
public class PortfolioResource {

    // Every portfolio report carries dataComplete, accountsWithMissingEvents, missingEventCount and incompleteAccountIds
    // (PortfolioCompleteness, unwrapped): whether its figures rest on every event the producers committed.

    /** Key accounts with score, band and stage, worst first. */
    public record PortfolioHealth(Instant asOf, HealthWindows windows, int accounts, Map<String, Integer> bands,
                                  List<PortfolioEntry> entries, Page page,
                                  @JsonUnwrapped PortfolioCompleteness completeness, ReadModelStatus readModel) {
    }

    /**
     * One manager's key accounts (worst first), their band counts and alerts; {@code accounts} and {@code alerts} hold
     * at most the page limit, {@code accountCount} and {@code alertCount} say how many there are.
     */
    public record ManagerPortfolio(String managerId, String managerName, Map<String, Integer> bands, int accountCount,
                                   List<PortfolioEntry> accounts, int alertCount, List<Alert> alerts) {
    }

    /** Every manager's portfolio, a page of managers; key accounts without a manager are under managerId null. */
    public record ManagerPortfolios(Instant asOf, HealthWindows windows, List<ManagerPortfolio> managers, Page page,
                                    @JsonUnwrapped PortfolioCompleteness completeness, ReadModelStatus readModel) {
    }

    static final List<String> HEALTH_SORTS = ListQuery.sorts("worst", "best", "accountId", "name");
    static final String HEALTH_SORT = "worst (default: critical overrides, then lowest score; unscored last), best, "
            + "accountId or name";

    private final KamReports reports;
    private final HealthModels models;
    private final Clock clock;

    public PortfolioResource(KamReports reports, HealthModels models, Clock clock) {
        this.reports = reports;
        this.models = models;
        this.clock = clock;
    }

    /** Portfolio health as known now (for the dashboard). */
    public Uni<PortfolioHealth> portfolio(String asOf, String manager, String band, String stage, Integer limit,
                                          Integer offset, String sort, String view, String model) {
        return portfolio(asOf, null, manager, band, stage, limit, offset, sort, view, model);
    }

    /** Every manager's portfolio as known now (for the dashboard). */
    public Uni<ManagerPortfolios> managers(String asOf, String manager, Integer limit, Integer offset, String sort,
                                           String view, String model) {
        return managers(asOf, null, manager, limit, offset, sort, view, model);
    }

    @GET
    @Path("/portfolio/health")
    @RolesAllowed({Roles.KAM_READER, Roles.KAM_ADMIN})
    @Operation(summary = "Portfolio health", description = "All key accounts as of asOf with score, band and stage, "
            + "worst first; filter by manager, band (GREEN, AMBER, RED) and stage; paged (limit, offset, sort, view).")
    @APIResponseSchema(value = PortfolioHealth.class, responseCode = "200", responseDescription = "The report as of asOf")
    public Uni<PortfolioHealth> portfolio(@Parameter(description = AsOf.DESCRIPTION) @QueryParam("asOf") String asOf,
            @Parameter(description = AsKnownAt.DESCRIPTION) @QueryParam("asKnownAt") String asKnownAt, @QueryParam("manager") String manager,
                                          @QueryParam("band") String band, @QueryParam("stage") String stage,
                                          @Parameter(description = ListQuery.LIMIT) @QueryParam("limit") Integer limit,
                                          @Parameter(description = ListQuery.OFFSET) @QueryParam("offset") Integer offset,
                                          @Parameter(description = HEALTH_SORT) @QueryParam("sort") String sort,
                                          @Parameter(description = ListQuery.VIEW) @QueryParam("view") String view,
                                          @Parameter(description = ModelParameter.DESCRIPTION) @QueryParam("model") String model) {
        AsKnownAt when = AsKnownAt.parse(asOf, asKnownAt, clock);
        Instant at = when.asOf();
        ListQuery list = ListQuery.parse(limit, offset, sort, HEALTH_SORTS, view, null);
        HealthModel healthModel = ModelParameter.parse("model", model, models);
        requireOneOf("band", band, Arrays.stream(Band.values()).map(Enum::name).toList());
        requireOneOf("stage", stage, Arrays.stream(RelationshipStage.values()).map(Enum::name).toList());
        return EventLoopGuard.offLoop(Uni.combine().all().unis(reports.summaries(at, false, healthModel, when.knownAt()), reports.portfolioCompleteness()).asTuple()).map(t -> {
            reports.computing("portfolio-health");
            List<KeyAccountView> assessed = keyAccounts(t.getItem1());
            PortfolioCompleteness completeness = t.getItem2();
            List<PortfolioEntry> entries = assessed.stream()
                    .map(a -> PortfolioEntry.of(a, completeness.isComplete(a.accountId())))
                    .filter(e -> manager == null || manager.equals(e.managerId()))
                    .filter(e -> band == null || band.equals(e.band()))
                    .filter(e -> stage == null || stage.equals(e.stage()))
                    .sorted(PortfolioEntry.order(list.sort())).toList();
            return new PortfolioHealth(at, HealthWindows.of(at), entries.size(), bandCounts(entries), list.page(entries),
                    list.pageOf(entries.size()), completeness, t.getItem1().status());
        });
    }

    /** Portfolio health under the default model (what the dashboard asks). */
    public Uni<PortfolioHealth> portfolio(String asOf, String manager, String band, String stage, Integer limit,
                                          Integer offset, String sort, String view) {
        return portfolio(asOf, manager, band, stage, limit, offset, sort, view, null);
    }

    @GET
    @Path("/managers")
    @RolesAllowed({Roles.KAM_READER, Roles.KAM_ADMIN})
    @Operation(summary = "Manager portfolios", description = "Per key account manager: the key accounts (worst first), "
            + "band counts and alerts (red band, critical override, disintegrating relationship, health down "
            + ManagerAlerts.FALLING_POINTS + "+ points in 30 days, stale data, missing events). Paged by manager (limit, "
            + "offset; by manager id); each manager's accounts and alerts hold at most limit entries (accountCount and "
            + "alertCount say how many there are); manager picks one.")
    @APIResponseSchema(value = ManagerPortfolios.class, responseCode = "200", responseDescription = "The report as of asOf")
    public Uni<ManagerPortfolios> managers(@Parameter(description = AsOf.DESCRIPTION) @QueryParam("asOf") String asOf,
            @Parameter(description = AsKnownAt.DESCRIPTION) @QueryParam("asKnownAt") String asKnownAt,
                                           @Parameter(description = "Only this manager's portfolio") @QueryParam("manager") String manager,
                                           @Parameter(description = ListQuery.LIMIT) @QueryParam("limit") Integer limit,
                                           @Parameter(description = ListQuery.OFFSET) @QueryParam("offset") Integer offset,
                                           @Parameter(description = "managerId (the only order)") @QueryParam("sort") String sort,
                                           @Parameter(description = ListQuery.VIEW) @QueryParam("view") String view,
                                           @Parameter(description = ModelParameter.DESCRIPTION) @QueryParam("model") String model) {
        AsKnownAt when = AsKnownAt.parse(asOf, asKnownAt, clock);
        Instant at = when.asOf();
        ListQuery list = ListQuery.parse(limit, offset, sort, ListQuery.sorts("managerId"), view, null);
        HealthModel healthModel = ModelParameter.parse("model", model, models);
        return EventLoopGuard.offLoop(Uni.combine().all().unis(reports.summaries(at, false, healthModel, when.knownAt()), reports.portfolioCompleteness()).asTuple()).map(t -> {
            reports.computing("managers");
            List<KeyAccountView> assessed = keyAccounts(t.getItem1());
            PortfolioCompleteness completeness = t.getItem2();
            Map<String, List<PortfolioEntry>> byManager = new TreeMap<>(java.util.Comparator.nullsLast(String::compareTo));
            Map<String, List<Alert>> alerts = new LinkedHashMap<>();
            assessed.forEach(a -> {
                PortfolioEntry entry = PortfolioEntry.of(a, completeness.isComplete(a.accountId()));
                byManager.computeIfAbsent(entry.managerId(), id -> new ArrayList<>()).add(entry);
                alerts.computeIfAbsent(entry.managerId(), id -> new ArrayList<>()).addAll(ManagerAlerts.of(
                        new ManagerAlerts.KeyAccountState(a.accountId(), a.score(), a.band(), a.forcedRed(),
                                a.criticalOverrides(), a.stage(), a.stageReasons(), a.deltaVs30Days(), a.staleFactors(),
                                entry.dataComplete())));
            });
            List<ManagerPortfolio> managers = new ArrayList<>();
            byManager.forEach((managerId, entries) -> {
                if (manager != null && !manager.equals(managerId)) {
                    return;
                }
                List<PortfolioEntry> sorted = entries.stream().sorted(PortfolioEntry::worstFirst).toList();
                List<Alert> managerAlerts = alerts.getOrDefault(managerId, List.of());
                managers.add(new ManagerPortfolio(managerId, sorted.get(0).managerName(), bandCounts(sorted),
                        sorted.size(), firstOf(sorted, list.limit()), managerAlerts.size(),
                        firstOf(managerAlerts, list.limit())));
            });
            return new ManagerPortfolios(at, HealthWindows.of(at), list.page(managers), list.pageOf(managers.size()),
                    completeness, t.getItem1().status());
        });
    }

    /** Manager portfolios under the default model (what the dashboard asks). */
    public Uni<ManagerPortfolios> managers(String asOf, String manager, Integer limit, Integer offset, String sort,
                                           String view) {
        return managers(asOf, manager, limit, offset, sort, view, null);
    }

    private static List<KeyAccountView> keyAccounts(PortfolioReadModel.Summaries summaries) {
        return summaries.accounts().stream().filter(s -> s.keyAccount() && s.keyAccountView() != null)
                .map(AccountSummary::keyAccountView).toList();
    }

    private static <T> List<T> firstOf(List<T> all, int limit) {
        return all.size() <= limit ? all : List.copyOf(all.subList(0, limit));
    }

    private static Map<String, Integer> bandCounts(List<PortfolioEntry> entries) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Band b : Band.values()) {
            counts.put(b.name(), 0);
        }
        counts.put("NO_DATA", 0);
        entries.forEach(e -> counts.merge(e.band() == null ? "NO_DATA" : e.band(), 1, Integer::sum));
        return counts;
    }

    private static void requireOneOf(String field, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw new ProblemException(Problem.invalid(List.of(new Violation(field, "must be one of " + allowed))));
        }
    }
}
