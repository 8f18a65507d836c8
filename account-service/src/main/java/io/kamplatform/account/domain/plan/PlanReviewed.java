package io.kamplatform.account.domain.plan;

import io.kamplatform.kit.validation.CrmId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The plan was reviewed (by whom, with which verdict): a plan nobody reviews is a plan nobody works to. */
public record PlanReviewed(
        @NotBlank @Size(max = 64) @Pattern(regexp = CrmId.PATTERN, message = CrmId.MESSAGE) String planId,
        @NotBlank @Size(max = 64) @Pattern(regexp = CrmId.PATTERN, message = CrmId.MESSAGE) String reviewerId,
        @Size(max = 200) String reviewerName,
        @NotNull ReviewOutcome outcome,
        @Size(max = 2000) String notes) implements PlanEvent {
}
