package io.kamplatform.relationship.domain.relationship;

import io.kamplatform.kit.validation.CrmId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The open follow-up of an interaction was done. */
public record FollowUpCompleted(
        @NotBlank @Size(max = 64) @Pattern(regexp = CrmId.PATTERN, message = CrmId.MESSAGE) String interactionId,
        @Size(max = 2000) String outcome) implements RelationshipEvent {
}
