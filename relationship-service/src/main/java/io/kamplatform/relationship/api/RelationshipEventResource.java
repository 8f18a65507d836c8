package io.kamplatform.relationship.api;

import io.kamplatform.kit.api.EventIntake;
import io.kamplatform.kit.api.EventReceipt;
import io.kamplatform.kit.api.Roles;
import io.kamplatform.kit.problem.Problem;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Records one relationship or contract event about an account, posted by a CRM integration. */
@Path("/api/accounts/{accountId}/events")
@Tag(name = "Relationship and contract events", description = "Facts about the buyer's decision-making unit, interactions, service, complaints, competitors and contracts")
@SecurityRequirement(name = "jwt")
public class RelationshipEventResource {

    static final String EXAMPLE_CONTACT = """
            {"eventId": "crm-contact-0031", "type": "ContactAdded", "occurredAt": "2026-01-12T09:00:00Z",
             "data": {"contactId": "c-0031", "name": "Giulia Conti", "buyingRoles": ["DECIDER", "SPONSOR"],
                      "level": "EXECUTIVE", "function": "Chief Operating Officer"}}""";
    static final String EXAMPLE_VISIT = """
            {"eventId": "crm-activity-88412", "type": "InteractionRecorded", "occurredAt": "2026-03-04T10:00:00Z",
             "data": {"interactionId": "a-88412", "kind": "BUSINESS_REVIEW", "contactIds": ["c-0031"],
                      "supplierParticipants": [{"participantId": "kam-anna", "name": "Anna Rossi", "function": "SALES"},
                                               {"participantId": "eng-luca", "name": "Luca Bianchi", "function": "TECHNICAL"}],
                      "twoWay": true, "sentiment": "POSITIVE", "summary": "Quarterly review", "followUpDueOn": "2026-03-18"}}""";
    static final String EXAMPLE_CONTRACT = """
            {"eventId": "crm-contract-2026-007", "type": "ContractSigned", "occurredAt": "2026-01-20T16:00:00Z",
             "data": {"contractId": "K-2026-007", "startsOn": "2026-02-01", "endsOn": "2028-01-31",
                      "annualValue": {"amount": "1800000.00", "currency": "EUR"},
                      "listValue": {"amount": "2000000.00", "currency": "EUR"}, "expectedMarginPct": 22.5,
                      "serviceLevel": "PREMIUM", "preferredSupplier": true}}""";

    private final EventIntake<Object> intake;

    public RelationshipEventResource(EventIntake<Object> intake) {
        this.intake = intake;
    }

    @POST
    @RolesAllowed({Roles.CRM_WRITER, Roles.KAM_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a relationship or contract event",
            description = "Relationship events (contacts, interactions, follow-ups, service requests, complaints, "
                    + "competitor activity) go to the account's relationship record and kam.interaction.events; contract "
                    + "events to the contract named in the data and kam.contract.events. The account must be registered "
                    + "in account-service (422 unknown-account otherwise). Same eventId again: the original receipt "
                    + "(200, Idempotent-Replayed: true), nothing appended.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = EventReceipt.class)))
    @APIResponse(responseCode = "200", description = "Already recorded with this event id: the original receipt",
            content = @Content(schema = @Schema(implementation = EventReceipt.class)))
    @APIResponse(responseCode = "400", description = "Invalid input, per-field violations",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Role crm-writer required", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Stale expected version of the target stream",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body over 64 KiB", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Unknown account, a business rule refuses the event, or the event id was used for another event",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> record(
            @Parameter(description = "The CRM's account id, as registered in account-service", example = "ACME")
            @PathParam("accountId") String accountId,
            @Parameter(description = "Alternative to expectedVersion: the ETag of the target stream, e.g. \"3\"")
            @HeaderParam("If-Match") String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RelationshipEventRequest.class), examples = {
                    @ExampleObject(name = "ContactAdded", value = EXAMPLE_CONTACT),
                    @ExampleObject(name = "InteractionRecorded", value = EXAMPLE_VISIT),
                    @ExampleObject(name = "ContractSigned", value = EXAMPLE_CONTRACT)}))
            byte[] body) {
        return intake.recordOne(accountId, ifMatch, body);
    }
}
