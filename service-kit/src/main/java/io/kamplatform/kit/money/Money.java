package io.kamplatform.kit.money;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.kamplatform.kit.validation.FitsCurrency;
import io.kamplatform.kit.validation.MonetaryAmount;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;

/**
 * An exact amount in an ISO 4217 currency, as the writers' events carry it: decimals, never binary floating point,
 * so revenue, contract values and concessions add up to the cent; no more decimals than the currency has. A value
 * type, not a domain type: each service still publishes its own {@code Money.json} schema, and its golden files
 * freeze how this record is written.
 */
@FitsCurrency
public record Money(
        // A JSON string both ways, so no client or consumer ever reads it as binary floating point.
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @NotNull @Digits(integer = 15, fraction = 4) @DecimalMax("999999999999999") BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency)
        implements MonetaryAmount {

    /** Amounts such as 1E+3 are kept as 1000 so they are written as plain decimals. */
    public Money {
        if (amount != null && amount.scale() < 0) {
            amount = amount.setScale(0);
        }
    }

    @JsonIgnore
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount), currency);
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }
}
