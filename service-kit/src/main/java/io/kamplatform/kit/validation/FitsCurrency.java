package io.kamplatform.kit.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An amount with no more significant decimals than its currency has (ISO 4217 minor units: 2 for EUR, 0 for JPY,
 * 3 for KWD): "0.001" EUR is a typo or a rounding error upstream, not money. Trailing zeros ("12.5000") are fine.
 * The violation is reported on the {@code amount} field.
 */
@Constraint(validatedBy = FitsCurrencyValidator.class)
@Target({ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface FitsCurrency {
    String message() default "has more decimals than the currency has";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
