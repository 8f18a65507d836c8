package io.kamplatform.account.api;

import io.kamplatform.kit.api.EventReceipt;
import io.kamplatform.kit.problem.Problem;
import io.kamplatform.kit.api.Roles;
import io.kamplatform.kit.api.EventIntake;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Records one account event posted by a CRM integration. */
@Path("/api/accounts/{accountId}/events")
@Tag(name = "Account events", description = "Facts about accounts posted by CRM integrations: one at a time or in batches, idempotent by event id")
@SecurityRequirement(name = "jwt")
public class AccountEventResource {

    static final String EXAMPLE_REGISTERED = """
            {"eventId": "crm-acme-registered", "type": "AccountRegistered", "occurredAt": "2026-01-05T09:00:00Z",
             "expectedVersion": 0,
             "data": {"name": "Acme Industrial GmbH", "sector": "Manufacturing", "country": "DE"}}""";
    static final String EXAMPLE_REVENUE = """
            {"eventId": "crm-acme-invoice-2026-0117", "type": "RevenueRecognized", "occurredAt": "2026-01-31T18:00:00Z",
             "data": {"month": "2026-01", "revenue": {"amount": "125000.00", "currency": "EUR"},
                      "costOfSales": {"amount": "90000.00", "currency": "EUR"}, "reference": "INV-2026-0117"}}""";
    static final String EXAMPLE_DESIGNATED = """
            {"eventId": "crm-acme-key-account", "type": "KeyAccountDesignated", "occurredAt": "2026-02-01T10:00:00Z",
             "data": {"rationale": "EUR 2.5M potential, 12% penetration; three plants buying separately"}}""";
    static final String EXAMPLE_MANAGER = """
            {"eventId": "crm-acme-kam-anna", "type": "KeyAccountManagerAssigned", "occurredAt": "2026-02-02T09:00:00Z",
             "data": {"managerId": "kam-anna", "name": "Anna Rossi"}}""";
    static final String EXAMPLE_PLAN = """
            {"eventId": "crm-acme-plan-2026", "type": "AccountPlanPublished", "occurredAt": "2026-02-10T09:00:00Z",
             "data": {"planId": "PLAN-2026", "periodStart": "2026-01-01", "periodEnd": "2026-12-31",
                      "missionStatement": "Preferred supplier of drive units for all three plants",
                      "revenueTarget": {"amount": "3000000.00", "currency": "EUR"}, "shareOfWalletTargetPct": 35,
                      "executiveSponsorId": "exec-007", "executiveSponsorName": "Martina Keller"}}""";
    static final String EXAMPLE_OBJECTIVE = """
            {"eventId": "crm-acme-objective-1", "type": "ObjectiveSet", "occurredAt": "2026-02-10T09:05:00Z",
             "data": {"planId": "PLAN-2026", "objectiveId": "OBJ-1", "metric": "Share of wallet in drive units",
                      "unit": "%", "targetValue": 35, "baselineValue": 22.5, "dueOn": "2026-12-31", "ownerId": "kam-anna"}}""";

    private final EventIntake<Object> intake;

    public AccountEventResource(EventIntake<Object> intake) {
        this.intake = intake;
    }

    @POST
    @RolesAllowed({Roles.CRM_WRITER, Roles.KAM_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record an account event",
            description = "Appends the event to the account's stream (plan events: to the account's plan stream "
                    + "plans/{accountId}) and publishes it to kam.account.events. "
                    + "Posting the same eventId again returns the original receipt (200, header Idempotent-Replayed: true) "
                    + "and appends nothing. The stream version can be given as expectedVersion or If-Match.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = EventReceipt.class)))
    @APIResponse(responseCode = "200", description = "Already recorded with this event id: the original receipt",
            content = @Content(schema = @Schema(implementation = EventReceipt.class)))
    @APIResponse(responseCode = "400", description = "Invalid input, per-field violations",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Role crm-writer required", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Stale expected version; currentVersion tells the current one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body over 64 KiB", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "A business rule refuses the event, or the event id was used for another event",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> record(
            @Parameter(description = "The CRM's account id", example = "ACME") @PathParam("accountId") String accountId,
            @Parameter(description = "Alternative to expectedVersion: the ETag of the target stream (the account, or "
                    + "for plan events its plans), e.g. \"3\"")
            @HeaderParam("If-Match") String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AccountEventRequest.class), examples = {
                    @ExampleObject(name = "AccountRegistered", value = EXAMPLE_REGISTERED),
                    @ExampleObject(name = "RevenueRecognized", value = EXAMPLE_REVENUE),
                    @ExampleObject(name = "KeyAccountDesignated", value = EXAMPLE_DESIGNATED),
                    @ExampleObject(name = "KeyAccountManagerAssigned", value = EXAMPLE_MANAGER),
                    @ExampleObject(name = "AccountPlanPublished", value = EXAMPLE_PLAN),
                    @ExampleObject(name = "ObjectiveSet", value = EXAMPLE_OBJECTIVE)}))
            byte[] body) {
        return intake.recordOne(accountId, ifMatch, body);
    }
}
