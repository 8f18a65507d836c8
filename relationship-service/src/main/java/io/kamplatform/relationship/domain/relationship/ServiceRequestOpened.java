package io.kamplatform.relationship.domain.relationship;

import io.kamplatform.kit.validation.CrmId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The account asked for service; the SLA says within how many hours it is to be resolved. */
public record ServiceRequestOpened(
        @NotBlank @Size(max = 64) @Pattern(regexp = CrmId.PATTERN, message = CrmId.MESSAGE) String requestId,
        @NotNull Severity severity,
        @Min(1) @Max(8760) int slaHours,
        @NotBlank @Size(max = 500) String subject) implements RelationshipEvent {
}
