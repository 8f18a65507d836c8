package io.kamplatform.relationship.domain.relationship;

import io.kamplatform.kit.validation.CrmId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An open service request was resolved; SLA attainment compares this event's time with the opening's. */
public record ServiceRequestResolved(
        @NotBlank @Size(max = 64) @Pattern(regexp = CrmId.PATTERN, message = CrmId.MESSAGE) String requestId,
        @Size(max = 2000) String resolution) implements RelationshipEvent {
}
