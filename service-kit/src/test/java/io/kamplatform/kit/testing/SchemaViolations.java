package io.kamplatform.kit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Every class of violation a published JSON Schema can refuse, applied to a valid sample of the event's data: a
 * missing required field, an unknown field, every JSON type the field does not allow, strings that break its
 * pattern, length or enum, numbers outside its bounds, arrays that break their size or uniqueness, and the same
 * again inside nested objects and array items. Only mutations the schema itself refuses are kept (the caller's
 * predicate is the real validator), so a test can post each one and expect the API to refuse it as well.
 */
public final class SchemaViolations {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** One mutated copy of the sample: {@code path} is the field that breaks the schema, e.g. {@code annualValue.amount}. */
    public record Mutation(String path, String what, JsonNode data) {
        @Override
        public String toString() {
            return path + ": " + what;
        }
    }

    private final JsonNode root;
    private final ObjectNode sample;
    private final List<Mutation> found = new ArrayList<>();

    private SchemaViolations(JsonNode root, ObjectNode sample) {
        this.root = root;
        this.sample = sample;
    }

    /** Mutations of {@code sample} (valid under {@code schema}) that {@code schemaAccepts} refuses. */
    public static List<Mutation> of(JsonNode schema, ObjectNode sample, Predicate<JsonNode> schemaAccepts) {
        SchemaViolations violations = new SchemaViolations(schema, sample);
        violations.object(schema, sample, "", copy -> copy);
        Map<String, Mutation> unique = new LinkedHashMap<>();
        for (Mutation mutation : violations.found) {
            if (!schemaAccepts.test(mutation.data())) {
                unique.putIfAbsent(mutation.path() + " " + mutation.data(), mutation);
            }
        }
        return List.copyOf(unique.values());
    }

    /** How to reach the object at the current path in a fresh copy of the sample. */
    private interface Locator {
        JsonNode at(ObjectNode copy);
    }

    /** {@code valid}: the sample's object at {@code path}, whose values seed the candidates of its fields. */
    private void object(JsonNode schema, JsonNode valid, String path, Locator locate) {
        JsonNode resolved = resolve(schema);
        if (resolved.path("additionalProperties").isBoolean() && !resolved.path("additionalProperties").asBoolean()) {
            mutate(path, "unexpectedField", "an unknown field", locate, o -> o.put("unexpectedField", 1));
        }
        for (JsonNode required : resolved.path("required")) {
            mutate(path, required.asText(), "missing", locate, o -> o.remove(required.asText()));
        }
        Iterator<Map.Entry<String, JsonNode>> properties = resolved.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            String name = property.getKey();
            property(property.getValue(), valid == null ? null : valid.get(name), join(path, name), locate, name);
        }
    }

    private void property(JsonNode unresolved, JsonNode value, String path, Locator parent, String name) {
        JsonNode schema = resolve(unresolved);
        List<String> types = types(schema);
        for (Map.Entry<String, JsonNode> candidate : typeCandidates().entrySet()) {
            if (!allows(types, candidate.getValue())) {
                set(path, candidate.getKey(), parent, name, candidate.getValue());
            }
        }
        if (types.contains("string")) {
            strings(schema, value, path, parent, name);
        }
        if (types.contains("number") || types.contains("integer")) {
            if (schema.has("minimum")) {
                set(path, "below the minimum", parent, name, JSON.numberNode(schema.get("minimum").decimalValue().subtract(java.math.BigDecimal.ONE)));
            }
            if (schema.has("maximum")) {
                set(path, "above the maximum", parent, name, JSON.numberNode(schema.get("maximum").decimalValue().add(java.math.BigDecimal.ONE)));
            }
        }
        if (types.contains("array")) {
            arrays(schema, value, path, parent, name);
        }
        if (types.contains("object") && value != null && value.isObject()) {
            object(schema, value, path, copy -> parent.at(copy).get(name));
        }
    }

    private void strings(JsonNode schema, JsonNode value, String path, Locator parent, String name) {
        String valid = value != null && value.isTextual() ? value.asText() : "x";
        Map<String, String> candidates = new LinkedHashMap<>();
        candidates.put("empty", "");
        candidates.put("blank", "   ");
        candidates.put("padded with spaces", " " + valid + " ");
        candidates.put("with a NUL character", valid + "\u0000");
        candidates.put("lower case", valid.toLowerCase());
        candidates.put("not one of the values", "NOT_A_VALUE");
        candidates.put("an id starting with a separator", "-" + valid);
        candidates.put("with a space inside", valid + " x");
        candidates.put("a plus sign", "+5");
        candidates.put("more decimals than allowed", "1.23456");
        candidates.put("scientific notation", "1E+3x");
        candidates.put("a thousands separator", "1,250.50");
        candidates.put("month 13", "2026-13");
        candidates.put("a date without leading zeros", "2026-1-5");
        candidates.put("a negative year", "-2026-01-05");
        candidates.put("a five-digit year", "20260-01-05");
        if (schema.has("maxLength")) {
            candidates.put("longer than " + schema.get("maxLength").asInt(), "x".repeat(schema.get("maxLength").asInt() + 1));
        }
        candidates.forEach((what, text) -> set(path, what, parent, name, JSON.textNode(text)));
    }

    private void arrays(JsonNode schema, JsonNode value, String path, Locator parent, String name) {
        JsonNode items = resolve(schema.path("items"));
        JsonNode first = value != null && value.isArray() && !value.isEmpty() ? value.get(0) : null;
        set(path, "empty", parent, name, JSON.arrayNode());
        if (first != null) {
            set(path, "a repeated item", parent, name, JSON.arrayNode().add(first).add(first));
            if (schema.has("maxItems")) {
                ArrayNode many = JSON.arrayNode();
                for (int i = 0; i <= schema.get("maxItems").asInt(); i++) {
                    many.add(first.isTextual() ? JSON.textNode(first.asText() + "-" + i) : distinct(first, i));
                }
                set(path, "more than " + schema.get("maxItems").asInt() + " items", parent, name, many);
            }
            // Each violation of an item, as the only item of the array.
            ObjectNode probe = JSON.objectNode();
            probe.set("item", first);
            SchemaViolations inner = new SchemaViolations(root, probe);
            inner.property(items, first, "item", copy -> copy, "item");
            for (Mutation mutation : inner.found) {
                JsonNode item = mutation.data().get("item");
                if (item != null) {
                    String itemPath = path + "[0]" + mutation.path().replaceFirst("^item", "");
                    set(itemPath, mutation.what(), parent, name, JSON.arrayNode().add(item));
                }
            }
        }
    }

    /** A copy of an object item whose first string field is made unique, for arrays that must hold distinct items. */
    private static JsonNode distinct(JsonNode item, int i) {
        if (!item.isObject()) {
            return item;
        }
        ObjectNode copy = item.deepCopy();
        Iterator<Map.Entry<String, JsonNode>> fields = copy.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isTextual()) {
                copy.put(field.getKey(), field.getValue().asText() + "-" + i);
                break;
            }
        }
        return copy;
    }

    private void set(String path, String what, Locator parent, String name, JsonNode value) {
        mutate(path, what, parent, o -> o.set(name, value));
    }

    private void mutate(String path, String field, String what, Locator locate, Consumer<ObjectNode> change) {
        mutate(join(path, field), what, locate, change);
    }

    private void mutate(String path, String what, Locator locate, Consumer<ObjectNode> change) {
        ObjectNode copy = sample.deepCopy();
        change.accept((ObjectNode) locate.at(copy));
        found.add(new Mutation(path, what, copy));
    }

    private static Map<String, JsonNode> typeCandidates() {
        Map<String, JsonNode> candidates = new LinkedHashMap<>();
        candidates.put("a string", JSON.textNode("x"));
        candidates.put("a number written as a string", JSON.textNode("20"));
        candidates.put("a boolean written as a string", JSON.textNode("true"));
        candidates.put("an integer", JSON.numberNode(123));
        candidates.put("a decimal number", JSON.numberNode(new java.math.BigDecimal("1.5")));
        candidates.put("a boolean", JSON.booleanNode(true));
        candidates.put("an object", JSON.objectNode());
        candidates.put("an array", JSON.arrayNode());
        candidates.put("null", JSON.nullNode());
        return candidates;
    }

    private static boolean allows(List<String> types, JsonNode value) {
        if (types.isEmpty()) {
            return true;
        }
        return switch (value.getNodeType()) {
            case STRING -> types.contains("string");
            case NUMBER -> types.contains("number") || (value.isIntegralNumber() && types.contains("integer"));
            case BOOLEAN -> types.contains("boolean");
            case OBJECT -> types.contains("object");
            case ARRAY -> types.contains("array");
            case NULL -> types.contains("null");
            default -> true;
        };
    }

    private static List<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        List<String> types = new ArrayList<>();
        if (type.isTextual()) {
            types.add(type.asText());
        } else {
            type.forEach(t -> types.add(t.asText()));
        }
        return types;
    }

    /** Follows a local {@code $ref} and merges {@code allOf}, so the walk sees one schema per field. */
    private JsonNode resolve(JsonNode schema) {
        if (schema == null || schema.isMissingNode()) {
            return JSON.objectNode();
        }
        ObjectNode merged = JSON.objectNode();
        if (schema.has("$ref")) {
            merged.setAll((ObjectNode) resolve(root.at(schema.get("$ref").asText().substring(1))));
        }
        for (JsonNode part : schema.path("allOf")) {
            JsonNode resolved = resolve(part);
            resolved.fields().forEachRemaining(field -> {
                if (field.getKey().equals("properties") && merged.has("properties")) {
                    ObjectNode properties = ((ObjectNode) merged.get("properties")).deepCopy();
                    field.getValue().fields().forEachRemaining(p -> {
                        if (!properties.has(p.getKey())) {
                            properties.set(p.getKey(), p.getValue());
                        }
                    });
                    merged.set("properties", properties);
                } else if (!merged.has(field.getKey())) {
                    merged.set(field.getKey(), field.getValue());
                }
            });
        }
        schema.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("$ref") && !field.getKey().equals("allOf")) {
                merged.set(field.getKey(), field.getValue());
            }
        });
        return merged;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
