package io.kamplatform.reporting.api;

import io.kamplatform.kit.api.Roles;
import io.kamplatform.reporting.application.EventLoopGuard;
import io.kamplatform.reporting.application.KeyStatusReports;
import io.kamplatform.reporting.application.PortfolioReadModel.ReadModelStatus;
import io.kamplatform.reporting.domain.status.KeyStatusReview;
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

/** Which customers should hold key-account status, by the documented criteria, as of any date. */
@Path("/api/reports/portfolio/key-status")
@Tag(name = "Portfolio reports")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "400", description = "Invalid parameter", content = @Content(mediaType = "application/problem+json"))
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = "application/problem+json"))
@APIResponse(responseCode = "403", description = "Role kam-reader required", content = @Content(mediaType = "application/problem+json"))
@Produces(MediaType.APPLICATION_JSON)
public class KeyStatusResource {

    /**
     * The review with each list cut to the page ({@code limit}, {@code offset} apply to both); the counts say how long
     * each list is.
     */
    public record KeyStatusReport(Instant asOf, KeyStatusReview review, int qualifyButNotKeyCount,
                                  int keyButNoLongerQualifyCount, Page page, ReadModelStatus readModel) {
    }

    private final KeyStatusReports reports;
    private final Clock clock;

    public KeyStatusResource(KeyStatusReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.KAM_READER, Roles.KAM_ADMIN})
    @Operation(summary = "Key-account status review", description = "Accounts that qualify for key-account status but "
            + "do not hold it, and key accounts that no longer qualify, with the reasons: trailing-12-month revenue in the "
            + "top kam.key-status.revenue-top-pct (10), assessed potential in the top potential-top-pct (10), or a "
            + "strategic sector (strategic-sectors) with potential in the top strategic-potential-top-pct (25); ranks by "
            + "nearest rank among accounts with a positive value in the most common currency. limit/offset page both "
            + "lists; include=evidence adds the events behind revenue, potential and the last interaction.")
    @APIResponseSchema(value = KeyStatusReport.class, responseCode = "200", responseDescription = "The review as of asOf")
    public Uni<KeyStatusReport> review(@Parameter(description = AsOf.DESCRIPTION) @QueryParam("asOf") String asOf,
            @Parameter(description = AsKnownAt.DESCRIPTION) @QueryParam("asKnownAt") String asKnownAt,
                                       @Parameter(description = ListQuery.LIMIT) @QueryParam("limit") Integer limit,
                                       @Parameter(description = ListQuery.OFFSET) @QueryParam("offset") Integer offset,
                                       @Parameter(description = ListQuery.VIEW) @QueryParam("view") String view,
                                       @Parameter(description = ListQuery.INCLUDE) @QueryParam("include") String include) {
        AsKnownAt when = AsKnownAt.parse(asOf, asKnownAt, clock);
        Instant at = when.asOf();
        ListQuery list = ListQuery.parse(limit, offset, null, ListQuery.sorts("review"), view, include);
        return EventLoopGuard.offLoop(reports.summaries(at, when.knownAt(), list.evidence())).map(summaries -> {
            KeyStatusReview r = reports.review(summaries);
            List<KeyStatusReview.Candidate> qualify = list.page(r.qualifyButNotKey());
            List<KeyStatusReview.Candidate> lapsed = list.page(r.keyButNoLongerQualify());
            KeyStatusReview paged = new KeyStatusReview(r.asOf(), r.criteria(), r.revenueCurrency(), r.revenueThreshold(),
                    r.potentialCurrency(), r.potentialThreshold(), r.strategicPotentialThreshold(), qualify, lapsed,
                    r.notes());
            return new KeyStatusReport(at, paged, r.qualifyButNotKey().size(), r.keyButNoLongerQualify().size(),
                    list.pageOf(Math.max(r.qualifyButNotKey().size(), r.keyButNoLongerQualify().size())),
                    summaries.status());
        });
    }
}
