package io.kamplatform.kit.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Envelopes a lenient JSON reader would take and a strict API refuses, each with the field the problem must name:
 * numbers or booleans where the envelope has strings, an instant as a number or without an offset or outside the
 * plausible range, a fractional or quoted expected version, a NUL character, duplicate keys, trailing content.
 */
public final class EnvelopeViolations {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A body to post and the field its problem names ({@code null}: the body as a whole). */
    public record Case(String label, String body, String field) {
        @Override
        public String toString() {
            return label;
        }
    }

    private EnvelopeViolations() {
    }

    /** Cases derived from {@code validEnvelope}, a single-event body the API accepts. */
    public static List<Case> of(String validEnvelope) {
        ObjectNode valid = parse(validEnvelope);
        List<Case> cases = new ArrayList<>();
        cases.add(change(valid, "eventId as a number", "eventId", e -> e.put("eventId", 123)));
        cases.add(change(valid, "eventId as a boolean", "eventId", e -> e.put("eventId", true)));
        cases.add(change(valid, "eventId with a NUL character", "eventId", e -> e.put("eventId", "evt\u0000-1")));
        cases.add(change(valid, "type as a number", "type", e -> e.put("type", 42)));
        cases.add(change(valid, "type with a NUL character", "type", e -> e.put("type", e.get("type").asText() + "\u0000")));
        cases.add(change(valid, "occurredAt as epoch seconds", "occurredAt", e -> e.put("occurredAt", 1767225600)));
        cases.add(change(valid, "occurredAt in year 0001", "occurredAt", e -> e.put("occurredAt", "0001-01-01T00:00:00Z")));
        cases.add(change(valid, "occurredAt in a negative year", "occurredAt", e -> e.put("occurredAt", "-0001-01-01T00:00:00Z")));
        cases.add(change(valid, "occurredAt before 1900", "occurredAt", e -> e.put("occurredAt", "1899-12-31T23:59:59Z")));
        cases.add(change(valid, "occurredAt without an offset", "occurredAt", e -> e.put("occurredAt", "2026-01-05T09:00:00")));
        cases.add(change(valid, "occurredAt as a date", "occurredAt", e -> e.put("occurredAt", "2026-01-05")));
        cases.add(change(valid, "expectedVersion with a fraction", "expectedVersion", e -> e.put("expectedVersion", 1.5)));
        cases.add(change(valid, "expectedVersion as a string", "expectedVersion", e -> e.put("expectedVersion", "1")));
        cases.add(change(valid, "expectedVersion as a boolean", "expectedVersion", e -> e.put("expectedVersion", true)));
        cases.add(change(valid, "data as a string", "data", e -> e.put("data", "x")));
        String withoutBrace = validEnvelope.strip().substring(1);
        cases.add(new Case("a duplicate key", "{\"eventId\":\"evt-duplicate-1\"," + withoutBrace, null));
        cases.add(new Case("content after the document", validEnvelope + " {}", null));
        return cases;
    }

    private static Case change(ObjectNode valid, String label, String field, Consumer<ObjectNode> change) {
        ObjectNode copy = valid.deepCopy();
        change.accept(copy);
        return new Case(label, copy.toString(), field);
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }
}
