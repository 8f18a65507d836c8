package io.kamplatform.reporting.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.kamplatform.reporting.support.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Consumer-side contract test: every fixture this service's tests consume validates against the JSON Schema its
 * producer publishes (read from the producer modules of this repository, as served under /schemas).
 */
class ProducerSchemasContractTest {

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final Map<String, Path> SCHEMA_FOLDER = Map.of(
            Fixtures.ACCOUNTS, REPO.resolve("account-service/src/main/resources/META-INF/resources/schemas/account-events/v1"),
            Fixtures.INTERACTIONS, REPO.resolve("relationship-service/src/main/resources/META-INF/resources/schemas/interaction-events/v1"),
            Fixtures.CONTRACTS, REPO.resolve("relationship-service/src/main/resources/META-INF/resources/schemas/contract-events/v1"));

    final ObjectMapper mapper = new ObjectMapper();
    final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @Test
    void everyFixtureValidatesAgainstItsProducersSchema() throws Exception {
        for (Map.Entry<String, String> sample : Fixtures.samples().entrySet()) {
            String type = sample.getKey();
            Path schemaFile = SCHEMA_FOLDER.get(Fixtures.TOPIC_OF.get(type)).resolve(type + ".json");
            assertThat(schemaFile).as("published schema of " + type).exists();
            JsonSchema schema = factory.getSchema(mapper.readTree(Files.readString(schemaFile)));
            JsonNode data = mapper.readTree(sample.getValue());
            Set<ValidationMessage> problems = schema.validate(data);
            assertThat(problems).as("%s fixture %s", type, sample.getValue()).isEmpty();
        }
    }

    @Test
    void aFixtureThatDriftedFromTheSchemaIsCaught() throws Exception {
        Path schemaFile = SCHEMA_FOLDER.get(Fixtures.ACCOUNTS).resolve("RevenueRecognized.json");
        JsonSchema schema = factory.getSchema(mapper.readTree(Files.readString(schemaFile)));
        assertThat(schema.validate(mapper.readTree("{\"month\":\"2026-01\",\"revenue\":100}"))).isNotEmpty();
    }
}
