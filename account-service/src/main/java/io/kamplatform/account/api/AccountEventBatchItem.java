package io.kamplatform.account.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One item of a bulk load: an account event with the account it belongs to (OpenAPI description; bound by {@code EventIntake}). */
@Schema(name = "AccountEventBatchItem")
public record AccountEventBatchItem(
        @Schema(example = "ACME", required = true) String accountId,
        @Schema(example = "crm-4711-revenue-2026-01", required = true) String eventId,
        @Schema(example = "RevenueRecognized", required = true) String type,
        @Schema(example = "2026-02-01T00:00:00Z", required = true) Instant occurredAt,
        Long expectedVersion,
        @Schema(required = true, type = SchemaType.OBJECT, implementation = Object.class,
                description = "The event's data; JSON Schema at /schemas/account-events/v1/{type}.json")
        JsonNode data) {
}
