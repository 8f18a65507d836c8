package io.kamplatform.reporting.domain.facts;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Tolerant readers of event data: unknown fields are ignored; a missing or malformed field the fold needs throws, so
 * the fold skips that one fact instead of failing the account.
 */
final class Json {

    private Json() {
    }

    /** A field the fold needs is absent, null or malformed. */
    static final class MissingField extends RuntimeException {
        MissingField(String field) {
            super("missing or malformed field '" + field + "'", null, false, false);
        }
    }

    private static JsonNode present(JsonNode data, String field) {
        JsonNode node = data.get(field);
        return node == null || node.isNull() ? null : node;
    }

    static String text(JsonNode data, String field) {
        String value = optText(data, field);
        if (value == null || value.isBlank()) {
            throw new MissingField(field);
        }
        return value;
    }

    static String optText(JsonNode data, String field) {
        JsonNode node = present(data, field);
        if (node == null) {
            return null;
        }
        if (!node.isValueNode()) {
            throw new MissingField(field);
        }
        return node.asText();
    }

    static boolean bool(JsonNode data, String field) {
        JsonNode node = present(data, field);
        if (node == null || !node.isBoolean()) {
            throw new MissingField(field);
        }
        return node.booleanValue();
    }

    static int integer(JsonNode data, String field) {
        JsonNode node = present(data, field);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new MissingField(field);
        }
        return node.intValue();
    }

    static Money money(JsonNode data, String field) {
        Money money = optMoney(data, field);
        if (money == null) {
            throw new MissingField(field);
        }
        return money;
    }

    /** Money is {"amount":"123.45","currency":"EUR"}; the amount is read from a string or a number. */
    static Money optMoney(JsonNode data, String field) {
        JsonNode node = present(data, field);
        if (node == null) {
            return null;
        }
        JsonNode amount = node.get("amount");
        if (amount == null || !(amount.isTextual() || amount.isNumber())) {
            throw new MissingField(field + ".amount");
        }
        BigDecimal value = amount.isTextual() ? new BigDecimal(amount.textValue()) : amount.decimalValue();
        return new Money(value, text(node, "currency"));
    }

    static LocalDate date(JsonNode data, String field) {
        return LocalDate.parse(text(data, field));
    }

    static LocalDate optDate(JsonNode data, String field) {
        String value = optText(data, field);
        return value == null ? null : LocalDate.parse(value);
    }

    static YearMonth month(JsonNode data, String field) {
        return yearMonth(text(data, field));
    }

    /**
     * {@code YearMonth.parse}, with "yyyy-MM" in ASCII digits read by hand: the parse goes through a DateTimeFormatter,
     * and revenue facts (most of a history) each carry a month; read by hand, the fold of a benchmark account was about
     * 8% faster (docs/benchmarks.md, 2026-12-02 afternoon). Any other text
     * (a five-digit year, a sign, another form) goes to {@code YearMonth.parse}: the same values and the same
     * {@link java.time.DateTimeException} for a malformed one.
     */
    static YearMonth yearMonth(String text) {
        if (text.length() == 7 && text.charAt(4) == '-' && digits(text, 0, 4) && digits(text, 5, 7)) {
            return YearMonth.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10));
        }
        return YearMonth.parse(text);
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, JsonNode data, String field) {
        return Enum.valueOf(type, text(data, field));
    }

    /** Null when absent; unknown values are dropped so a newer producer does not break older reports. */
    static <E extends Enum<E>> Set<E> optEnumSet(Class<E> type, JsonNode data, String field) {
        JsonNode node = present(data, field);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            throw new MissingField(field);
        }
        Set<E> values = EnumSet.noneOf(type);
        for (JsonNode element : node) {
            try {
                values.add(Enum.valueOf(type, element.asText()));
            } catch (IllegalArgumentException unknown) {
                // ignored: a role this report does not know yet
            }
        }
        return Set.copyOf(values);
    }

    static Set<String> textSet(JsonNode data, String field) {
        JsonNode node = present(data, field);
        if (node == null || !node.isArray()) {
            throw new MissingField(field);
        }
        Set<String> values = new LinkedHashSet<>();
        node.forEach(element -> values.add(element.asText()));
        return Set.copyOf(values);
    }

    /** The given field of every object in an array field, absent ones left out. */
    static List<String> fieldOfEach(JsonNode data, String arrayField, String field) {
        JsonNode node = present(data, arrayField);
        List<String> values = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(element -> {
                JsonNode value = element.get(field);
                if (value != null && value.isValueNode() && !value.isNull()) {
                    values.add(value.asText());
                }
            });
        }
        return values;
    }
}
