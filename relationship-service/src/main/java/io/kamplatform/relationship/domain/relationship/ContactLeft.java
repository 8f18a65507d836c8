package io.kamplatform.relationship.domain.relationship;

import io.kamplatform.kit.validation.CrmId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A contact left the decision-making unit (changed job, retired, moved). Losing a sponsor is a classic early
 * warning. Final: a departed contact is not updated nor named in interactions, and the contact id is not reused.
 */
public record ContactLeft(
        @NotBlank @Size(max = 64) @Pattern(regexp = CrmId.PATTERN, message = CrmId.MESSAGE) String contactId,
        @Size(max = 2000) String reason) implements RelationshipEvent {
}
