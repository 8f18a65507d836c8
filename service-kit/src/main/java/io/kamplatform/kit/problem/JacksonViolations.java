package io.kamplatform.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.kamplatform.kit.json.InvalidValue;
import java.time.Instant;
import java.time.YearMonth;
import java.math.BigDecimal;

/** Explains a Jackson binding failure as one field violation in words a CRM integrator understands. */
public final class JacksonViolations {

    private JacksonViolations() {
    }

    public static Violation of(String prefix, JsonProcessingException failure) {
        if (!(failure instanceof JsonMappingException mapping)) {
            return new Violation(prefix == null ? "$" : prefix, "is not valid JSON");
        }
        String field = JsonPaths.of(prefix, mapping.getPath());
        return switch (mapping) {
            case InvalidValue invalid -> new Violation(field, invalid.rule());
            case UnrecognizedPropertyException unknown -> new Violation(field,
                    "unknown field; known fields: " + unknown.getKnownPropertyIds());
            case InvalidFormatException invalid -> new Violation(field, expected(invalid.getTargetType()));
            case MismatchedInputException mismatch -> new Violation(field, expected(mismatch.getTargetType()));
            default -> new Violation(field, "cannot be read: " + mapping.getOriginalMessage());
        };
    }

    private static String expected(Class<?> target) {
        if (target == null) {
            return "has the wrong type";
        }
        if (target == Instant.class) {
            return "must be an ISO-8601 instant such as 2026-01-05T09:00:00Z";
        }
        if (target == YearMonth.class) {
            return "must be a month such as 2026-01";
        }
        if (target == BigDecimal.class) {
            return "must be a decimal number such as 1250.00";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (target.isEnum()) {
            return "must be one of " + java.util.Arrays.toString(target.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(target) || target == long.class || target == int.class) {
            return "must be an integer";
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "must be an array";
        }
        return "must be an object";
    }
}
