package io.kamplatform.account.domain.plan;

import io.kamplatform.kit.money.Money;
import io.kamplatform.kit.validation.CrmId;
import io.kamplatform.kit.validation.PlausibleDate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A key account plan for the period periodStart..periodEnd (both inclusive) was published, or republished with new
 * contents under the same planId: the mission, the revenue target for the period, the share of the account's wallet
 * the supplier aims for, and the executive sponsor on the supplier side (top-management support).
 */
public record AccountPlanPublished(
        @NotBlank @Size(max = 64) @Pattern(regexp = CrmId.PATTERN, message = CrmId.MESSAGE) String planId,
        @NotNull @PlausibleDate LocalDate periodStart,
        @NotNull @PlausibleDate LocalDate periodEnd,
        @NotBlank @Size(max = 2000) String missionStatement,
        @NotNull @Valid Money revenueTarget,
        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal shareOfWalletTargetPct,
        @NotBlank @Size(max = 64) @Pattern(regexp = CrmId.PATTERN, message = CrmId.MESSAGE) String executiveSponsorId,
        @NotBlank @Size(max = 200) String executiveSponsorName) implements PlanEvent {

    /** Whether the two periods share at least one day. */
    boolean overlaps(LocalDate start, LocalDate end) {
        return !periodStart.isAfter(end) && !start.isAfter(periodEnd);
    }
}
