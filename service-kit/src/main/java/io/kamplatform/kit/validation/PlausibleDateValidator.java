package io.kamplatform.kit.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.LocalDate;

public class PlausibleDateValidator implements ConstraintValidator<PlausibleDate, LocalDate> {

    @Override
    public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
        return value == null || PlausibleDates.contains(value);
    }
}
