package io.kamplatform.kit.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.kamplatform.kit.problem.JacksonViolations;
import io.kamplatform.kit.problem.Problem;
import io.kamplatform.kit.problem.ProblemException;
import io.kamplatform.kit.problem.ProblemType;
import io.kamplatform.kit.problem.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads request bodies the way the published schemas describe them, and nothing else: UTF-8 only, no duplicate keys,
 * nothing after the document, unknown fields refused, each scalar only in its own JSON type ({@link StrictScalars};
 * no 1.5 for an integer, no "true" for a boolean, no number for an enum), decimals kept exact. A copy of the
 * application's ObjectMapper, so the reading of stored events and Kafka records stays as it was.
 */
@ApplicationScoped
public class StrictJson {

    private final ObjectMapper strict;

    public StrictJson(ObjectMapper mapper) {
        this.strict = configure(mapper.copy());
    }

    static ObjectMapper configure(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        refuse(mapper, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.Float, CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Boolean, CoercionInputShape.String, CoercionInputShape.Integer, CoercionInputShape.Float);
        refuse(mapper, LogicalType.Enum, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Collection, CoercionInputShape.EmptyString, CoercionInputShape.String);
        refuse(mapper, LogicalType.POJO, CoercionInputShape.EmptyString, CoercionInputShape.String);
        mapper.registerModule(StrictScalars.module());
        return mapper;
    }

    private static void refuse(ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
        }
    }

    /** The body as {@code type}, or a 400 problem naming the field that is wrong. */
    public <T> T read(byte[] body, Class<T> type) {
        if (body == null || body.length == 0) {
            throw new ProblemException(Problem.of(ProblemType.VALIDATION, "a JSON body is required"));
        }
        try {
            return strict.readValue(utf8(body), type);
        } catch (StreamReadException e) {
            throw new ProblemException(Problem.of(ProblemType.MALFORMED_JSON, e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new ProblemException(problem(null, e));
        }
    }

    /** {@code node} as {@code type}; failures name their field below {@code prefix} (e.g. {@code items[3].data}). */
    public <T> Bound<T> bind(JsonNode node, Class<T> type, String prefix) {
        try {
            return new Bound<>(strict.treeToValue(node, type), null);
        } catch (JsonProcessingException e) {
            return new Bound<>(null, JacksonViolations.of(prefix, e));
        } catch (IllegalArgumentException e) {
            return new Bound<>(null, new Violation(prefix == null ? "$" : prefix, "cannot be read: " + e.getMessage()));
        }
    }

    private static Problem problem(String prefix, JsonProcessingException e) {
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
            return Problem.of(ProblemType.MALFORMED_JSON, "the body holds more than one JSON document");
        }
        return Problem.invalid(List.of(JacksonViolations.of(prefix, e)));
    }

    /** JSON between systems is UTF-8 (RFC 8259); any other encoding is refused rather than guessed. */
    private static String utf8(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ProblemException(Problem.of(ProblemType.MALFORMED_JSON, "the body is not valid UTF-8; send JSON encoded as UTF-8"));
        }
    }

    /** A bound value, or the violation that explains why not. */
    public record Bound<T>(T value, Violation violation) {
    }
}
