package io.kamplatform.relationship.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One item of a bulk load: an event with the account it is about (OpenAPI description; bound by {@code EventIntake}). */
@Schema(name = "RelationshipEventBatchItem")
public record RelationshipEventBatchItem(
        @Schema(example = "ACME", required = true) String accountId,
        @Schema(example = "crm-contact-4711", required = true) String eventId,
        @Schema(example = "ContactAdded", required = true) String type,
        @Schema(example = "2026-01-10T08:00:00Z", required = true) Instant occurredAt,
        Long expectedVersion,
        @Schema(required = true, type = SchemaType.OBJECT, implementation = Object.class) JsonNode data) {
}
