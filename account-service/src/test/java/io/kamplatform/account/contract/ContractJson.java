package io.kamplatform.account.contract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kamplatform.account.domain.AccountEvent;
import io.kamplatform.account.store.EventCodec;
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
     * Configured like the Quarkus ObjectMapper of account-service: the Jackson modules on the classpath (Java time,
     * JDK 8, parameter names), dates as ISO strings, unknown properties rejected (application.properties), nulls included.
     */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The payload exactly as stored in the event store and sent as the Kafka record value. */
    static final EventCodec CODEC = new EventCodec(MAPPER);

    private ContractJson() {
    }

    static String encode(AccountEvent event) {
        return CODEC.encode(event);
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
