package io.kamplatform.kit.validation;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** What {@link FitsCurrency} and problem details need of a service's own money type: an amount and its currency. */
public interface MonetaryAmount {
    BigDecimal amount();

    String currency();

    /** For sentences in problem details: "EUR 1,250.00", at least the currency's decimals, never a record dump. */
    default String formatted() {
        int decimals = Math.max(Math.max(FitsCurrencyValidator.decimalsOf(currency()), 0),
                amount().stripTrailingZeros().scale());
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        return currency() + " " + format.format(amount());
    }
}
