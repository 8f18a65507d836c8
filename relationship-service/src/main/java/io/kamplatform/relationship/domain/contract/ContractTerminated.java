package io.kamplatform.relationship.domain.contract;

import io.kamplatform.kit.validation.CrmId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.kamplatform.kit.validation.PlausibleDate;
import java.time.LocalDate;

/**
 * An active contract was terminated early, for a reason. effectiveOn (when given) is the last day it applies; it may
 * lie before the start (cancelled before it began) but not after the contract's end date.
 */
public record ContractTerminated(
        @NotBlank @Size(max = 64) @Pattern(regexp = CrmId.PATTERN, message = CrmId.MESSAGE) String contractId,
        @NotBlank @Size(max = 2000) String reason,
        @PlausibleDate LocalDate effectiveOn) implements ContractEvent {
}
