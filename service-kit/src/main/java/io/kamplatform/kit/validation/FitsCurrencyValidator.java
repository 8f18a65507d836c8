package io.kamplatform.kit.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Currency;

public class FitsCurrencyValidator implements ConstraintValidator<FitsCurrency, MonetaryAmount> {

    @Override
    public boolean isValid(MonetaryAmount money, ConstraintValidatorContext context) {
        if (money == null || money.amount() == null || money.currency() == null) {
            return true;
        }
        int decimals = decimalsOf(money.currency());
        if (decimals < 0 || money.amount().stripTrailingZeros().scale() <= decimals) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate("must have at most " + decimals + " decimal places: "
                        + money.currency() + " has " + decimals)
                .addPropertyNode("amount").addConstraintViolation();
        return false;
    }

    /** The currency's minor units, or -1 when unknown (the currency rule itself reports that). */
    static int decimalsOf(String code) {
        try {
            return Currency.getInstance(code).getDefaultFractionDigits();
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}
