package io.kamplatform.account.domain;

import io.kamplatform.kit.money.Money;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What the account could buy from us per year: key-account status rests on potential, not on past revenue. */
public record SalesPotentialAssessed(
        @NotNull @Valid Money annualPotential,
        @NotBlank @Size(max = 2000) String rationale) implements AccountEvent {
}
