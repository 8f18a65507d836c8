package io.kamplatform.kit.decider;

/**
 * Why an event cannot be recorded: a stable machine-readable code (the {@code code} of the 422 problem), a sentence
 * for people and, when one field is to blame, its JSON path within the event data.
 */
public record Rejection(String code, String message, String field) {

    public static Rejection of(String code, String message) {
        return new Rejection(code, message, null);
    }

    public static Rejection onField(String field, String code, String message) {
        return new Rejection(code, message, field);
    }
}
