package io.kamplatform.relationship.domain.relationship;

import io.kamplatform.kit.validation.CrmId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An open complaint was resolved. */
public record ComplaintResolved(
        @NotBlank @Size(max = 64) @Pattern(regexp = CrmId.PATTERN, message = CrmId.MESSAGE) String complaintId,
        @Size(max = 2000) String resolution) implements RelationshipEvent {
}
