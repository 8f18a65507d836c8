package io.kamplatform.account.api;

import io.kamplatform.kit.validation.CrmId;
import io.kamplatform.kit.api.HistoryEntry;
import io.kamplatform.kit.problem.Problem;
import io.kamplatform.kit.problem.ProblemException;
import io.kamplatform.kit.problem.ProblemType;
import io.kamplatform.kit.problem.Violation;
import io.kamplatform.account.application.AccountQueries;
import io.kamplatform.account.store.AccountStreams;
import io.kamplatform.kit.api.Roles;
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
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An account's current state and its plans (each with its stream version as ETag), and their event histories. */
@Path("/api/accounts/{accountId}")
@Tag(name = "Accounts", description = "The current state and the event history of an account")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    static final int MAX_PAGE = 500;

    private final AccountQueries queries;

    public AccountResource(AccountQueries queries) {
        this.queries = queries;
    }

    @GET
    @RolesAllowed({Roles.KAM_READER, Roles.CRM_WRITER, Roles.KAM_ADMIN})
    @Operation(summary = "Current state of an account", description = "The ETag is the stream version, usable as If-Match.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AccountView.class)))
    @APIResponse(responseCode = "404", description = "No such account", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> account(@PathParam("accountId") String accountId) {
        requireValid(accountId);
        return queries.current(accountId).map(found -> found
                .map(account -> Response.ok(AccountView.of(account))
                        .tag(new EntityTag(Long.toString(account.version()))).build())
                .orElseThrow(() -> notFound(accountId)));
    }

    @GET
    @Path("/events")
    @RolesAllowed({Roles.KAM_READER, Roles.CRM_WRITER, Roles.KAM_ADMIN})
    @Operation(summary = "Event history of an account", description = "Oldest first, paged by version.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AccountHistory.class)))
    @APIResponse(responseCode = "404", description = "No such account", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<AccountHistory> history(@PathParam("accountId") String accountId,
                                       @QueryParam("fromVersion") @DefaultValue("1") long fromVersion,
                                       @QueryParam("limit") @DefaultValue("100") int limit) {
        return page(accountId, accountId, fromVersion, limit, () -> notFound(accountId));
    }

    @GET
    @Path("/plans")
    @RolesAllowed({Roles.KAM_READER, Roles.CRM_WRITER, Roles.KAM_ADMIN})
    @Operation(summary = "The account's plans", description = "Plans with their objectives and actions as recorded. "
            + "The ETag is the version of the account's plan stream (plans/{accountId}), the expectedVersion of plan events.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AccountPlansView.class)))
    @APIResponse(responseCode = "404", description = "No plan was published for the account",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> plans(@PathParam("accountId") String accountId) {
        requireValid(accountId);
        return queries.plans(accountId).map(found -> found
                .map(plans -> Response.ok(AccountPlansView.of(plans))
                        .tag(new EntityTag(Long.toString(plans.version()))).build())
                .orElseThrow(() -> noPlans(accountId)));
    }

    @GET
    @Path("/plans/events")
    @RolesAllowed({Roles.KAM_READER, Roles.CRM_WRITER, Roles.KAM_ADMIN})
    @Operation(summary = "Event history of the account's plans", description = "Oldest first, paged by version of the plan stream.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AccountHistory.class)))
    @APIResponse(responseCode = "404", description = "No plan was published for the account",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<AccountHistory> planHistory(@PathParam("accountId") String accountId,
                                           @QueryParam("fromVersion") @DefaultValue("1") long fromVersion,
                                           @QueryParam("limit") @DefaultValue("100") int limit) {
        return page(accountId, AccountStreams.plansOf(accountId), fromVersion, limit, () -> noPlans(accountId));
    }

    private Uni<AccountHistory> page(String accountId, String streamId, long fromVersion, int limit,
                                     Supplier<ProblemException> notFound) {
        requireValid(accountId);
        if (fromVersion < 1 || limit < 1 || limit > MAX_PAGE) {
            throw new ProblemException(Problem.invalid(List.of(new Violation(fromVersion < 1 ? "fromVersion" : "limit",
                    fromVersion < 1 ? "must be 1 or more" : "must be between 1 and " + MAX_PAGE))));
        }
        return queries.history(streamId, fromVersion, limit + 1).map(events -> {
            if (events.isEmpty() && fromVersion == 1) {
                throw notFound.get();
            }
            boolean more = events.size() > limit;
            List<HistoryEntry> page = events.stream().limit(limit).map(HistoryEntry::of).toList();
            return new AccountHistory(accountId, page, more ? page.get(page.size() - 1).version() + 1 : null);
        });
    }

    private static void requireValid(String accountId) {
        if (!CrmId.isValid(accountId)) {
            throw new ProblemException(Problem.invalid(List.of(new Violation("accountId", CrmId.MESSAGE))));
        }
    }

    private static ProblemException noPlans(String accountId) {
        return new ProblemException(Problem.of(ProblemType.NOT_FOUND, "no plan was published for account '" + accountId + "'"));
    }

    private static ProblemException notFound(String accountId) {
        return new ProblemException(Problem.of(ProblemType.NOT_FOUND, "no account '" + accountId + "'"));
    }
}
