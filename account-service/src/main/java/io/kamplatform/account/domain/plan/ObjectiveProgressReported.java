package io.kamplatform.account.domain.plan;

import io.kamplatform.kit.validation.CrmId;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** Where an open objective's metric stands at occurredAt (the value reached, not an increment). */
public record ObjectiveProgressReported(
        @NotBlank @Size(max = 64) @Pattern(regexp = CrmId.PATTERN, message = CrmId.MESSAGE) String planId,
        @NotBlank @Size(max = 64) @Pattern(regexp = CrmId.PATTERN, message = CrmId.MESSAGE) String objectiveId,
        @NotNull @Digits(integer = 15, fraction = 4) BigDecimal value,
        @Size(max = 2000) String comment) implements PlanEvent, ObjectiveEvent {
}
