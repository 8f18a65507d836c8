package io.kamplatform.kit.json;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Deserializers that take each scalar only in the one JSON shape the published schemas give it: text only from JSON
 * strings (and without NUL), instants, dates and months only as ISO-8601 strings with four-digit years, and decimals
 * as JSON numbers, except where the field is declared {@code @JsonFormat(shape = STRING)} (money amounts): there only
 * as a plain decimal string; enum constants only by their exact name; sets without repeated items. Jackson's own readers are lenient (123 for a string, "20" for a number, epoch seconds
 * for an instant, "+5" or " 1" for a decimal); the API uses these instead.
 */
public final class StrictScalars {

    static final String INSTANT_RULE = "must be an ISO-8601 instant with an offset, such as 2026-01-05T09:00:00Z";
    static final String DATE_RULE = "must be a date such as 2026-01-31 (yyyy-MM-dd)";
    static final String MONTH_RULE = "must be a month such as 2026-01 (yyyy-MM)";
    static final String NUMBER_RULE = "must be a JSON number such as 18.5 (not a string)";
    static final String AMOUNT_RULE = "must be a decimal number written as a JSON string, such as \"1250.50\": "
            + "digits with an optional leading minus and decimal point; no spaces, plus sign, exponent or separators";

    private static final Pattern INSTANT = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2})");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-[0-9]{2}");
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private StrictScalars() {
    }

    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("kam-strict-scalars");
        module.addDeserializer(String.class, new TextDeserializer());
        module.addDeserializer(Instant.class, new IsoDeserializer<>(Instant.class, INSTANT, INSTANT_RULE,
                text -> OffsetDateTime.parse(text).toInstant()));
        module.addDeserializer(LocalDate.class, new IsoDeserializer<>(LocalDate.class, DATE, DATE_RULE, LocalDate::parse));
        module.addDeserializer(YearMonth.class, new IsoDeserializer<>(YearMonth.class, MONTH, MONTH_RULE, YearMonth::parse));
        module.addDeserializer(BigDecimal.class, new DecimalDeserializer(false));
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                              BeanDescription description, JsonDeserializer<?> deserializer) {
                return new EnumDeserializer(type.getRawClass());
            }

            @Override
            public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                                                                    BeanDescription description, JsonDeserializer<?> deserializer) {
                return Set.class.isAssignableFrom(type.getRawClass()) ? new SetDeserializer(deserializer) : deserializer;
            }
        });
        return module;
    }

    /** Strings only from JSON strings, and only text the store can keep. */
    static final class TextDeserializer extends JsonDeserializer<String> {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw InvalidValue.of(p, String.class, "must be a string");
            }
            String text = p.getText();
            String problem = Text.problem(text);
            if (problem != null) {
                throw InvalidValue.of(p, String.class, problem);
            }
            return text;
        }
    }

    /** Exactly a constant's name: Jackson's own reader trims (" SALES ", even "SALES\u0000") and takes indexes. */
    static final class EnumDeserializer extends JsonDeserializer<Object> {
        private final Class<?> type;

        EnumDeserializer(Class<?> type) {
            this.type = type;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                for (Object constant : type.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equals(p.getText())) {
                        return constant;
                    }
                }
            }
            throw InvalidValue.of(p, type, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** A set from an array without repeated items: the schemas say uniqueItems, Jackson would drop repeats silently. */
    static final class SetDeserializer extends JsonDeserializer<Object> implements ContextualDeserializer {
        private final JsonDeserializer<?> delegate;

        SetDeserializer(JsonDeserializer<?> delegate) {
            this.delegate = delegate;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) throws JsonMappingException {
            JsonDeserializer<?> contextual = delegate instanceof ContextualDeserializer c ? c.createContextual(ctxt, property) : delegate;
            return contextual == delegate ? this : new SetDeserializer(contextual);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode array = ctxt.readTree(p);
            if (array != null && array.isArray()) {
                java.util.Set<JsonNode> seen = new java.util.HashSet<>();
                for (JsonNode item : array) {
                    if (!seen.add(item)) {
                        throw InvalidValue.of(p, Set.class, "must not repeat an item (" + item + " appears more than once)");
                    }
                }
            }
            try (JsonParser items = array == null ? null : array.traverse(p.getCodec())) {
                if (items == null) {
                    return delegate.deserialize(p, ctxt);
                }
                items.nextToken();
                return delegate.deserialize(items, ctxt);
            }
        }
    }

    /** An ISO-8601 value from a JSON string of exactly the expected form (four-digit year, no sign). */
    static final class IsoDeserializer<T> extends JsonDeserializer<T> {
        private final Class<T> type;
        private final Pattern form;
        private final String rule;
        private final Function<String, T> parse;

        IsoDeserializer(Class<T> type, Pattern form, String rule, Function<String, T> parse) {
            this.type = type;
            this.form = form;
            this.rule = rule;
            this.parse = parse;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING || !form.matcher(p.getText()).matches()) {
                throw InvalidValue.of(p, type, rule);
            }
            try {
                return parse.apply(p.getText());
            } catch (DateTimeException e) {
                throw InvalidValue.of(p, type, rule);
            }
        }
    }

    /** Decimals in the shape the field declares: a JSON number, or a plain decimal string for {@code shape = STRING}. */
    static final class DecimalDeserializer extends JsonDeserializer<BigDecimal> implements ContextualDeserializer {
        private final boolean asString;

        DecimalDeserializer(boolean asString) {
            this.asString = asString;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            JsonFormat.Value format = property == null ? null : property.findPropertyFormat(ctxt.getConfig(), BigDecimal.class);
            boolean string = format != null && format.getShape() == JsonFormat.Shape.STRING;
            return string == asString ? this : new DecimalDeserializer(string);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (asString) {
                if (p.currentToken() != JsonToken.VALUE_STRING || !PLAIN_DECIMAL.matcher(p.getText()).matches()) {
                    throw InvalidValue.of(p, BigDecimal.class, AMOUNT_RULE);
                }
                return new BigDecimal(p.getText());
            }
            if (!p.currentToken().isNumeric()) {
                throw InvalidValue.of(p, BigDecimal.class, NUMBER_RULE);
            }
            return p.getDecimalValue();
        }
    }
}
