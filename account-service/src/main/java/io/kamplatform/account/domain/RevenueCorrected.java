package io.kamplatform.account.domain;

import io.kamplatform.kit.money.Money;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.YearMonth;

/**
 * A correction of a month's recognised revenue and cost of sales: signed deltas, because history is
 * never rewritten. The corrected month totals may not become negative.
 */
public record RevenueCorrected(
        @NotNull YearMonth month,
        @NotNull @Valid Money revenueDelta,
        @NotNull @Valid Money costOfSalesDelta,
        @NotBlank @Size(max = 2000) String reason) implements AccountEvent {
}
