package io.kamplatform.relationship.domain.contract;

import io.kamplatform.kit.validation.CrmId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.kamplatform.kit.money.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/**
 * The values of an active contract changed within its period, for a reason (scope added, price review). The values
 * may also stay as they were, when the amendment changed terms the event does not carry.
 */
public record ContractAmended(
        @NotBlank @Size(max = 64) @Pattern(regexp = CrmId.PATTERN, message = CrmId.MESSAGE) String contractId,
        @NotNull @Valid Money annualValue,
        @NotNull @Valid Money listValue,
        @NotNull @DecimalMin("-100") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal expectedMarginPct,
        @NotBlank @Size(max = 2000) String reason) implements ContractEvent {
}
