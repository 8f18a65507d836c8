package io.kamplatform.kit.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kamplatform.kit.problem.ProblemException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonTest {

    enum Level { HIGH, LOW }

    record Sample(String name, Long version, Boolean flag, Level level, Set<String> tags, BigDecimal pct,
                  @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, Instant at, LocalDate on) {
    }

    private final StrictJson json = new StrictJson(new ObjectMapper().findAndRegisterModules());

    @Test
    void theSchemaShapesAreRead() {
        Sample sample = read("{\"name\":\"Tab\\there\",\"version\":3,\"flag\":true,\"level\":\"HIGH\",\"tags\":[\"a\",\"b\"],"
                + "\"pct\":18.50,\"amount\":\"1250.50\",\"at\":\"2026-01-05T10:00:00+01:00\",\"on\":\"2026-01-31\"}");
        assertThat(sample.name()).isEqualTo("Tab\there");
        assertThat(sample.pct()).isEqualByComparingTo("18.5");
        assertThat(sample.amount()).isEqualTo(new BigDecimal("1250.50"));
        assertThat(sample.at()).isEqualTo(Instant.parse("2026-01-05T09:00:00Z"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "name|123", "name|true", "name|\"a\\u0000b\"", "name|\"\\ud800\"",
            "version|1.5", "version|\"1\"", "flag|\"true\"", "flag|1",
            "level|\" HIGH \"", "level|\"high\"", "level|0", "level|\"HIGH\\u0000\"",
            "tags|[\"a\",\"a\"]", "tags|\"a\"",
            "pct|\"20\"", "amount|1250.5", "amount|\" 1\"", "amount|\"+5\"", "amount|\"1E+3\"", "amount|\".5\"",
            "at|1767225600", "at|\"2026-01-05T09:00:00\"", "at|\"-0001-01-01T00:00:00Z\"", "at|\"+10000-01-01T00:00:00Z\"",
            "on|\"2026-1-5\"", "on|\"2026-02-30\"", "on|\"2026-01-05T00:00\"", "on|[2026,1,5]"})
    void aLenientValueIsRefusedOnItsField(String field, String value) {
        JsonNode tree = tree("{\"" + field + "\":" + value + "}");
        StrictJson.Bound<Sample> bound = json.bind(tree, Sample.class, "data");
        assertThat(bound.violation()).as("%s = %s", field, value).isNotNull();
        assertThat(bound.violation().field()).isEqualTo("data." + field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":\"a\",\"name\":\"b\"}", "{\"name\":\"a\"} {}", "{\"name\":", "{\"unknown\":1}"})
    void aBodyThatIsNotOneStrictDocumentIsRefused(String body) {
        assertThat(refusal(body.getBytes(StandardCharsets.UTF_8))).isNotNull();
    }

    @Test
    void aBodyInAnotherEncodingIsRefused() {
        assertThat(refusal("{\"name\":\"a\"}".getBytes(StandardCharsets.UTF_16))).isNotNull();
    }

    private ProblemException refusal(byte[] body) {
        try {
            json.read(body, Sample.class);
            return null;
        } catch (ProblemException e) {
            return e;
        }
    }

    private Sample read(String body) {
        return json.read(body.getBytes(StandardCharsets.UTF_8), Sample.class);
    }

    private static JsonNode tree(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
