package io.kamplatform.relationship.domain.contract;

import io.kamplatform.kit.validation.CrmId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.kamplatform.kit.money.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Something given beyond an active contract's terms, valued in money (zero when it cannot be valued). */
public record ConcessionGranted(
        @NotBlank @Size(max = 64) @Pattern(regexp = CrmId.PATTERN, message = CrmId.MESSAGE) String contractId,
        @NotBlank @Size(max = 64) @Pattern(regexp = CrmId.PATTERN, message = CrmId.MESSAGE) String concessionId,
        @NotNull ConcessionKind kind,
        @NotNull @Valid Money value,
        @Size(max = 2000) String note) implements ContractEvent {
}
