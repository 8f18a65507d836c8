package io.kamplatform.relationship.api;

import io.kamplatform.kit.api.HistoryEntry;
import io.kamplatform.kit.api.Roles;
import io.kamplatform.kit.problem.Problem;
import io.kamplatform.kit.problem.ProblemException;
import io.kamplatform.kit.problem.ProblemType;
import io.kamplatform.kit.problem.Violation;
import io.kamplatform.kit.validation.CrmId;
import io.kamplatform.relationship.application.RelationshipQueries;
import io.kamplatform.relationship.domain.contract.Contract;
import io.kamplatform.relationship.domain.relationship.Relationship;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The current relationship record and contracts of an account (version as ETag), and its history. */
@Path("/api/accounts/{accountId}")
@Tag(name = "Relationships", description = "The relationship record, contracts and history of an account")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class RelationshipResource {

    static final int MAX_PAGE = 500;

    private final RelationshipQueries queries;

    public RelationshipResource(RelationshipQueries queries) {
        this.queries = queries;
    }

    @GET
    @Path("/relationship")
    @RolesAllowed({Roles.KAM_READER, Roles.CRM_WRITER, Roles.KAM_ADMIN})
    @Operation(summary = "The account's relationship record",
            description = "DMU contacts, interactions with open follow-ups, service requests and complaints. The ETag is "
                    + "the stream version, usable as If-Match for relationship events.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Relationship.class)))
    @APIResponse(responseCode = "404", description = "Nothing recorded for this account", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> relationship(@PathParam("accountId") String accountId) {
        requireId("accountId", accountId);
        return queries.relationship(accountId).map(found -> found
                .map(r -> Response.ok(r).tag(new EntityTag(Long.toString(r.version()))).build())
                .orElseThrow(() -> notFound("nothing recorded about account '" + accountId + "'")));
    }

    @GET
    @Path("/contracts/{contractId}")
    @RolesAllowed({Roles.KAM_READER, Roles.CRM_WRITER, Roles.KAM_ADMIN})
    @Operation(summary = "A contract of the account", description = "The ETag is the contract's stream version.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Contract.class)))
    @APIResponse(responseCode = "404", description = "No such contract for this account", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> contract(@PathParam("accountId") String accountId, @PathParam("contractId") String contractId) {
        requireId("accountId", accountId);
        requireId("contractId", contractId);
        return queries.contract(accountId, contractId).map(found -> found
                .map(c -> Response.ok(c).tag(new EntityTag(Long.toString(c.version()))).build())
                .orElseThrow(() -> notFound("account '" + accountId + "' has no contract '" + contractId + "'")));
    }

    @GET
    @Path("/events")
    @RolesAllowed({Roles.KAM_READER, Roles.CRM_WRITER, Roles.KAM_ADMIN})
    @Operation(summary = "Everything recorded about the account", description = "Relationship and contract events in "
            + "store order, paged by position: pass nextAfterPosition as afterPosition for the next page.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AccountHistory.class)))
    @APIResponse(responseCode = "400", description = "Invalid account id or paging", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<AccountHistory> history(@PathParam("accountId") String accountId,
                                       @QueryParam("afterPosition") @DefaultValue("0") long afterPosition,
                                       @QueryParam("limit") @DefaultValue("100") int limit) {
        requireId("accountId", accountId);
        if (afterPosition < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new ProblemException(Problem.invalid(List.of(new Violation(afterPosition < 0 ? "afterPosition" : "limit",
                    afterPosition < 0 ? "must be 0 or more" : "must be between 1 and " + MAX_PAGE))));
        }
        return queries.history(accountId, afterPosition, limit + 1).map(events -> {
            boolean more = events.size() > limit;
            List<HistoryEntry> page = events.stream().limit(limit).map(HistoryEntry::of).toList();
            return new AccountHistory(accountId, page, more ? page.get(page.size() - 1).position() : null);
        });
    }

    private static void requireId(String field, String id) {
        if (!CrmId.isValid(id)) {
            throw new ProblemException(Problem.invalid(List.of(new Violation(field, CrmId.MESSAGE))));
        }
    }

    private static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(ProblemType.NOT_FOUND, detail));
    }
}
