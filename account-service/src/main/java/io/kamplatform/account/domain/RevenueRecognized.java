package io.kamplatform.account.domain;

import io.kamplatform.kit.money.Money;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.YearMonth;

/**
 * Revenue and cost of sales recognised for a month. Additive: one event per invoice or won deal,
 * several in a month add up. Gross margin = revenue - cost of sales.
 */
public record RevenueRecognized(
        @NotNull YearMonth month,
        @NotNull @Valid Money revenue,
        @NotNull @Valid Money costOfSales,
        @Size(max = 200) String reference) implements AccountEvent {
}
