package io.kamplatform.account.domain.plan;

import io.kamplatform.kit.validation.CrmId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An objective was dropped before its outcome was known, and why; it is closed from now on. */
public record ObjectiveDropped(
        @NotBlank @Size(max = 64) @Pattern(regexp = CrmId.PATTERN, message = CrmId.MESSAGE) String planId,
        @NotBlank @Size(max = 64) @Pattern(regexp = CrmId.PATTERN, message = CrmId.MESSAGE) String objectiveId,
        @NotBlank @Size(max = 2000) String reason) implements PlanEvent, ObjectiveEvent {
}
