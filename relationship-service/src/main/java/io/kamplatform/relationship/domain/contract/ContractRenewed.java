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
import io.kamplatform.kit.validation.PlausibleDate;
import java.time.LocalDate;

/**
 * An active contract was renewed: its validity runs on to newEndsOn (after the current end) and its values may change.
 * Margin-pressure reports track the discount (1 - annualValue / listValue) at each renewal. A contract that lapsed by
 * date may still be renewed; the gap shows in its dates.
 */
public record ContractRenewed(
        @NotBlank @Size(max = 64) @Pattern(regexp = CrmId.PATTERN, message = CrmId.MESSAGE) String contractId,
        @NotNull @PlausibleDate LocalDate newEndsOn,
        @NotNull @Valid Money annualValue,
        @NotNull @Valid Money listValue,
        @NotNull @DecimalMin("-100") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal expectedMarginPct) implements ContractEvent {
}
