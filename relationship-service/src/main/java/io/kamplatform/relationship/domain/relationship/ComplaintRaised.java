package io.kamplatform.relationship.domain.relationship;

import io.kamplatform.kit.validation.CrmId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotNull;

/** The account complained. */
public record ComplaintRaised(
        @NotBlank @Size(max = 64) @Pattern(regexp = CrmId.PATTERN, message = CrmId.MESSAGE) String complaintId,
        @NotNull Severity severity,
        @NotBlank @Size(max = 500) String subject) implements RelationshipEvent {
}
