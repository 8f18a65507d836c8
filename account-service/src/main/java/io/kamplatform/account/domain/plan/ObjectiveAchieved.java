package io.kamplatform.account.domain.plan;

import io.kamplatform.kit.validation.CrmId;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** An objective was achieved (value: the final value of its metric, when known); it is closed from now on. */
public record ObjectiveAchieved(
        @NotBlank @Size(max = 64) @Pattern(regexp = CrmId.PATTERN, message = CrmId.MESSAGE) String planId,
        @NotBlank @Size(max = 64) @Pattern(regexp = CrmId.PATTERN, message = CrmId.MESSAGE) String objectiveId,
        @Digits(integer = 15, fraction = 4) BigDecimal value,
        @Size(max = 2000) String comment) implements PlanEvent, ObjectiveEvent {
}
