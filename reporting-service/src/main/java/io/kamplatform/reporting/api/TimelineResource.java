package io.kamplatform.reporting.api;

import io.kamplatform.kit.api.Roles;
import io.kamplatform.kit.problem.Problem;
import io.kamplatform.kit.problem.ProblemException;
import io.kamplatform.kit.problem.Violation;
import io.kamplatform.reporting.application.KamReports;
import io.kamplatform.reporting.store.FactStore;
import io.kamplatform.reporting.store.StoredFact;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An account's events from all three topics, in the order they happened, as of a point in time. */
@Path("/api/reports/accounts/{accountId}/timeline")
@Tag(name = "Account reports", description = "KAM health, stage, DMU map, timeline and margin pressure of one account, as of any past point in time")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "400", description = "Invalid parameter, e.g. an asOf after today", content = @Content(mediaType = "application/problem+json"))
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = "application/problem+json"))
@APIResponse(responseCode = "403", description = "Role kam-reader required", content = @Content(mediaType = "application/problem+json"))
@Produces(MediaType.APPLICATION_JSON)
public class TimelineResource {

    static final int MAX_PAGE = 500;

    private final FactStore store;
    private final KamReports reports;
    private final Clock clock;

    public TimelineResource(FactStore store, KamReports reports, Clock clock) {
        this.store = store;
        this.reports = reports;
        this.clock = clock;
    }

    /** A page of the timeline as known now (for the dashboard). */
    public Uni<Timeline> timeline(String accountId, String asOf, int offset, int limit) {
        return timeline(accountId, asOf, null, offset, limit);
    }

    @GET
    @RolesAllowed({Roles.KAM_READER, Roles.KAM_ADMIN})
    @Operation(summary = "Account timeline", description = "Every event about the account up to asOf, oldest first, paged.")
    @APIResponseSchema(value = Timeline.class, responseCode = "200", responseDescription = "The report as of asOf")
    public Uni<Timeline> timeline(@PathParam("accountId") String accountId,
                                  @Parameter(description = AsOf.DESCRIPTION) @QueryParam("asOf") String asOf,
            @Parameter(description = AsKnownAt.DESCRIPTION) @QueryParam("asKnownAt") String asKnownAt,
                                  @QueryParam("offset") @DefaultValue("0") int offset,
                                  @QueryParam("limit") @DefaultValue("100") int limit) {
        IdParameter.accountId(accountId);
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new ProblemException(Problem.invalid(List.of(new Violation(offset < 0 ? "offset" : "limit",
                    offset < 0 ? "must be 0 or more" : "must be between 1 and " + MAX_PAGE))));
        }
        AsKnownAt when = AsKnownAt.parse(asOf, asKnownAt, clock);
        Instant at = when.asOf();
        return Uni.combine().all().unis(store.timeline(accountId, at.atOffset(ZoneOffset.UTC),
                        when.knownAt() == null ? null : when.knownAt().atOffset(ZoneOffset.UTC), offset, limit + 1),
                reports.completenessOf(accountId)).asTuple().map(t -> {
                    List<StoredFact> facts = t.getItem1();
                    boolean more = facts.size() > limit;
                    List<TimelineEntry> page = facts.stream().limit(limit).map(TimelineEntry::of).toList();
                    return new Timeline(accountId, at, page, more ? offset + limit : null, t.getItem2());
                });
    }
}
