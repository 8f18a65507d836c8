package io.kamplatform.kit.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A calendar date within {@link PlausibleDates} (null is left to {@code @NotNull}). */
@Constraint(validatedBy = PlausibleDateValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlausibleDate {
    String message() default PlausibleDates.DATE_RULE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
