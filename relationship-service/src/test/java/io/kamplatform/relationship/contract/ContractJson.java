package io.kamplatform.relationship.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** JSON as the service writes it, and the golden files that freeze it. */
final class ContractJson {

    /** Where golden files live in the source tree, relative to the module directory (Surefire's working directory). */
    static final Path GOLDEN_DIR = Path.of("src", "test", "resources", "golden");
    /** {@code -Dkam.golden.update=true} rewrites the golden files from the current serialization. */
    static final String UPDATE_PROPERTY = "kam.golden.update";

    /**
     * Configured like the Quarkus ObjectMapper of relationship-service: the Jackson modules on the classpath (Java
     * time, JDK 8, parameter names), dates as ISO strings ("2026-01-31"), nulls included, unknown properties rejected
     * on read. The store's EventCodec writes the stored payload (and so the Kafka record value) with that mapper, as
     * {@code mapper.writeValueAsString(event)}.
     */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ContractJson() {
    }

    /** The payload exactly as stored in the event store and sent as the Kafka record value. */
    static String encode(Object event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The golden JSON of a type from the test classpath, or {@code null} if there is none. */
    static JsonNode golden(String typeName) {
        try (InputStream in = ContractJson.class.getClassLoader().getResourceAsStream("golden/" + typeName + ".json")) {
            return in == null ? null : MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("golden/" + typeName + ".json is not valid JSON", e);
        }
    }

    static String pretty(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
