package io.kamplatform.account.domain.plan;

import io.kamplatform.kit.validation.CrmId;
import io.kamplatform.kit.validation.PlausibleDate;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A measurable objective of a plan: the metric, the value to reach by dueOn (inside the plan's period), where it
 * starts (baselineValue, 0 when not given) and who owns it. Progress is measured against it, so it is a number.
 */
public record ObjectiveSet(
        @NotBlank @Size(max = 64) @Pattern(regexp = CrmId.PATTERN, message = CrmId.MESSAGE) String planId,
        @NotBlank @Size(max = 64) @Pattern(regexp = CrmId.PATTERN, message = CrmId.MESSAGE) String objectiveId,
        @NotBlank @Size(max = 200) String metric,
        @Size(max = 32) String unit,
        @NotNull @Digits(integer = 15, fraction = 4) BigDecimal targetValue,
        @Digits(integer = 15, fraction = 4) BigDecimal baselineValue,
        @NotNull @PlausibleDate LocalDate dueOn,
        @NotBlank @Size(max = 64) @Pattern(regexp = CrmId.PATTERN, message = CrmId.MESSAGE) String ownerId,
        @Size(max = 200) String ownerName) implements PlanEvent {
}
