package io.kamplatform.account.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One account event as a CRM integration posts it: the OpenAPI description of the body, which service-kit's
 * {@code EventIntake} binds strictly with exactly these fields. {@code data} is checked against the schema of {@code type}.
 */
@Schema(name = "AccountEventRequest", description = "An account event to record")
public record AccountEventRequest(
        @Schema(description = "Client-supplied unique id; posting the same id again returns the original result",
                example = "crm-4711-registration", maxLength = 128, required = true)
        String eventId,
        @Schema(description = "Logical event type", example = "AccountRegistered", required = true,
                enumeration = {"AccountRegistered", "AccountDetailsChanged", "SalesPotentialAssessed",
                        "RevenueRecognized", "RevenueCorrected", "KeyAccountDesignated",
                        "KeyAccountDesignationRevoked", "KeyAccountManagerAssigned", "AccountTeamMemberJoined",
                        "AccountTeamMemberLeft", "AccountPlanPublished", "ObjectiveSet", "ObjectiveProgressReported",
                        "ObjectiveAchieved", "ObjectiveMissed", "ObjectiveDropped", "ActionPlanned", "ActionCompleted",
                        "PlanReviewed"})
        String type,
        @Schema(description = "When it happened: an ISO-8601 instant with an offset (four-digit year), not before "
                + "1900-01-01T00:00:00Z and at most five minutes ahead; never epoch seconds", example = "2026-01-05T09:00:00Z", required = true)
        Instant occurredAt,
        @Schema(description = "The version of the target stream the client last saw (the account's, or for plan "
                + "events the account's plan stream's); 409 if it moved on since",
                example = "0", minimum = "0")
        Long expectedVersion,
        @Schema(description = "The event's data; its JSON Schema is at /schemas/account-events/v1/{type}.json",
                required = true, type = SchemaType.OBJECT, implementation = Object.class)
        JsonNode data) {
}
