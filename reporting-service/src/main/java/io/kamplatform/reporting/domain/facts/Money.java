package io.kamplatform.reporting.domain.facts;

import java.math.BigDecimal;

/** An exact amount in an ISO 4217 currency; never binary floating point, so sums add up to the cent. */
public record Money(BigDecimal amount, String currency) {

    public Money plus(Money other) {
        return new Money(amount.add(other.amount), currency);
    }

    public boolean sameCurrency(Money other) {
        return other != null && currency.equals(other.currency);
    }
}
