package io.kamplatform.relationship.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One relationship or contract event as a CRM integration posts it: the OpenAPI description of the body, which
 * service-kit's {@code EventIntake} binds strictly with exactly these fields.
 */
@Schema(name = "RelationshipEventRequest", description = "A relationship or contract event to record")
public record RelationshipEventRequest(
        @Schema(description = "Client-supplied unique id; posting the same id again returns the original result",
                example = "crm-visit-2026-03-04-acme", maxLength = 128, required = true)
        String eventId,
        @Schema(description = "Logical event type", example = "InteractionRecorded", required = true,
                enumeration = {"ContactAdded", "ContactUpdated", "ContactLeft", "InteractionRecorded", "FollowUpCompleted",
                        "ServiceRequestOpened", "ServiceRequestResolved", "ComplaintRaised", "ComplaintResolved",
                        "CompetitorActivityObserved", "ContractSigned", "ContractRenewed", "ContractAmended",
                        "ContractTerminated", "ConcessionGranted"})
        String type,
        @Schema(description = "When it happened: an ISO-8601 instant with an offset (four-digit year), not before "
                + "1900-01-01T00:00:00Z and at most five minutes ahead; never epoch seconds", example = "2026-03-04T10:00:00Z", required = true)
        Instant occurredAt,
        @Schema(description = "Version of the target stream the client last saw (the account's relationship record, "
                + "or the contract for contract events); 409 if it moved on", example = "3", minimum = "0")
        Long expectedVersion,
        @Schema(description = "The event's data; JSON Schemas at /schemas/interaction-events/v1/{type}.json and "
                + "/schemas/contract-events/v1/{type}.json", required = true, type = SchemaType.OBJECT,
                implementation = Object.class)
        JsonNode data) {
}
