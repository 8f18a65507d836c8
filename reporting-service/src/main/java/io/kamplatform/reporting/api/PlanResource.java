package io.kamplatform.reporting.api;

import io.kamplatform.kit.api.Roles;
import io.kamplatform.reporting.application.PlanReports;
import io.kamplatform.reporting.application.PortfolioReadModel.ReadModelStatus;
import io.kamplatform.reporting.domain.plan.PlanCoverage;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Account plan coverage over the portfolio as of any date (one account's plan: AccountReportResource). */
@Path("/api/reports")
@Tag(name = "Account plans", description = "Objectives, actions, revenue against target and reviews, as of any date")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "400", description = "Invalid parameter, e.g. an asOf after today", content = @Content(mediaType = "application/problem+json"))
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = "application/problem+json"))
@APIResponse(responseCode = "403", description = "Role kam-reader required", content = @Content(mediaType = "application/problem+json"))
@Produces(MediaType.APPLICATION_JSON)
public class PlanResource {

    /** Plan coverage with each list cut to the page; the counts say how long each list is. */
    public record PlanCoverageReport(Instant asOf, int keyAccounts, int withCurrentPlan, int withoutPlanCount,
                                     List<PlanCoverage.Account> withoutPlan, int reviewDueCount,
                                     List<PlanCoverage.Account> reviewDue,
                                     List<PlanCoverage.ManagerActions> overdueActionsByManager, Page page,
                                     ReadModelStatus readModel) {
    }

    private final PlanReports plans;
    private final Clock clock;

    public PlanResource(PlanReports plans, Clock clock) {
        this.plans = plans;
        this.clock = clock;
    }

    @GET
    @Path("/portfolio/plans")
    @RolesAllowed({Roles.KAM_READER, Roles.KAM_ADMIN})
    @Operation(summary = "Portfolio plan coverage", description = "Key accounts without a current plan, plans not "
            + "reviewed for 90 days (longest first), and overdue plan actions per key account manager (most first); "
            + "limit/offset page the two account lists.")
    @APIResponseSchema(value = PlanCoverageReport.class, responseCode = "200", responseDescription = "The coverage as of asOf")
    public Uni<PlanCoverageReport> coverage(@Parameter(description = AsOf.DESCRIPTION) @QueryParam("asOf") String asOf,
            @Parameter(description = AsKnownAt.DESCRIPTION) @QueryParam("asKnownAt") String asKnownAt,
                                            @Parameter(description = ListQuery.LIMIT) @QueryParam("limit") Integer limit,
                                            @Parameter(description = ListQuery.OFFSET) @QueryParam("offset") Integer offset,
                                            @Parameter(description = ListQuery.VIEW) @QueryParam("view") String view) {
        AsKnownAt when = AsKnownAt.parse(asOf, asKnownAt, clock);
        Instant at = when.asOf();
        ListQuery list = ListQuery.parse(limit, offset, null, ListQuery.sorts("coverage"), view, null);
        return plans.coverage(at, when.knownAt()).map(c -> {
            PlanCoverage p = c.coverage();
            return new PlanCoverageReport(at, p.keyAccounts(), p.withCurrentPlan(), p.withoutPlan().size(),
                    list.page(p.withoutPlan()), p.reviewDue().size(), list.page(p.reviewDue()),
                    p.overdueActionsByManager(), list.pageOf(Math.max(p.withoutPlan().size(), p.reviewDue().size())),
                    c.readModel());
        });
    }
}
