package io.kamplatform.kit.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** A value the strict reader refuses, with the sentence that tells the client what the field must be. */
public final class InvalidValue extends MismatchedInputException {

    private InvalidValue(JsonParser parser, String rule, Class<?> target) {
        super(parser, rule, target);
    }

    public static InvalidValue of(JsonParser parser, Class<?> target, String rule) {
        return new InvalidValue(parser, rule, target);
    }

    /** What the field must be, e.g. "must be a string". */
    public String rule() {
        return getOriginalMessage();
    }
}
