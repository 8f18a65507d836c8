package io.kamplatform.account.domain;

import io.kamplatform.kit.money.Money;

/** Revenue and cost of sales recognised for one month, after corrections. */
public record MonthlyRevenue(Money revenue, Money costOfSales) {

    /** A month with nothing booked, in {@code currency}. */
    static MonthlyRevenue none(String currency) {
        return new MonthlyRevenue(Money.zero(currency), Money.zero(currency));
    }

    public Money grossMargin() {
        return new Money(revenue.amount().subtract(costOfSales.amount()), revenue.currency());
    }

    MonthlyRevenue add(Money revenueDelta, Money costDelta) {
        return new MonthlyRevenue(revenue.plus(revenueDelta), costOfSales.plus(costDelta));
    }
}
