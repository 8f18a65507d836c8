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
 * A contract was signed for the period startsOn..endsOn (endsOn after startsOn). annualValue is what the account pays
 * per year, listValue what the same scope costs at list prices: discount = 1 - annualValue / listValue; both are
 * >= 0, and annualValue may exceed listValue (premium pricing, a realisation above 100 %). serviceLevel is the
 * supplier's own name for the tier agreed (free text, e.g. "Premium 24/7"), because tiers differ from supplier to supplier. Preferred-supplier status is the KAM goal.
 */
public record ContractSigned(
        @NotBlank @Size(max = 64) @Pattern(regexp = CrmId.PATTERN, message = CrmId.MESSAGE) String contractId,
        @NotNull @PlausibleDate LocalDate startsOn,
        @NotNull @PlausibleDate LocalDate endsOn,
        @NotNull @Valid Money annualValue,
        @NotNull @Valid Money listValue,
        @NotNull @DecimalMin("-100") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal expectedMarginPct,
        @NotBlank @Size(max = 100) String serviceLevel,
        @NotNull Boolean preferredSupplier) implements ContractEvent {
}
