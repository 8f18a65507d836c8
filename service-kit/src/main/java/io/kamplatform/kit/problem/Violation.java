package io.kamplatform.kit.problem;

/** One thing wrong with the input: the JSON path of the field and what is wrong with it. */
public record Violation(String field, String message) {
}
