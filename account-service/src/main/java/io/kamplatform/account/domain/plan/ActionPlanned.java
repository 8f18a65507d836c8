package io.kamplatform.account.domain.plan;

import io.kamplatform.account.domain.TeamFunction;
import io.kamplatform.kit.validation.CrmId;
import io.kamplatform.kit.validation.PlausibleDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * An action serving an open objective of the plan, owned by a supplier function (the multi-functional team) and
 * optionally a person, due by dueOn inside the plan's period.
 */
public record ActionPlanned(
        @NotBlank @Size(max = 64) @Pattern(regexp = CrmId.PATTERN, message = CrmId.MESSAGE) String planId,
        @NotBlank @Size(max = 64) @Pattern(regexp = CrmId.PATTERN, message = CrmId.MESSAGE) String actionId,
        @NotBlank @Size(max = 64) @Pattern(regexp = CrmId.PATTERN, message = CrmId.MESSAGE) String objectiveId,
        @NotBlank @Size(max = 2000) String description,
        @NotNull TeamFunction ownerFunction,
        @Size(max = 64) @Pattern(regexp = CrmId.PATTERN, message = CrmId.MESSAGE) String ownerId,
        @NotNull @PlausibleDate LocalDate dueOn) implements PlanEvent {
}
