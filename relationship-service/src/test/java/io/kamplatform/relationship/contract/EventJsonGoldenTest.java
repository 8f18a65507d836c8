package io.kamplatform.relationship.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.kamplatform.relationship.store.RelationshipEventType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Approval tests of the published event JSON: what the service writes for each event type must equal the golden
 * file {@code src/test/resources/golden/<TypeName>.json}, so the contract of {@code kam.interaction.events} and
 * {@code kam.contract.events} never changes by accident (a renamed record component, a new getter, a Jackson
 * upgrade, a changed ObjectMapper setting).
 */
class EventJsonGoldenTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(RelationshipEventType.class)
    void publishedJsonEqualsTheGoldenFile(RelationshipEventType type) throws IOException {
        Object sample = RelationshipEventSamples.golden(type);
        assertThat(sample).isInstanceOf(type.eventClass());
        JsonNode actual = ContractJson.tree(ContractJson.encode(sample));
        JsonNode golden = ContractJson.golden(type.typeName());

        if (Boolean.getBoolean(ContractJson.UPDATE_PROPERTY)) {
            Path file = ContractJson.GOLDEN_DIR.resolve(type.typeName() + ".json");
            Files.createDirectories(file.getParent());
            Files.writeString(file, ContractJson.pretty(actual) + "\n");
            return;
        }
        if (golden == null || !golden.equals(actual)) {
            fail(mismatch(type, golden, actual));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RelationshipEventType.class)
    void goldenJsonReadsBackToTheSameEvent(RelationshipEventType type) throws IOException {
        JsonNode golden = ContractJson.golden(type.typeName());
        assertThat(golden).as("golden/%s.json", type.typeName()).isNotNull();
        // What was published must stay readable by the service itself (EventCodec decodes stored payloads with the
        // same mapper, and unknown properties fail).
        Object read = ContractJson.MAPPER.treeToValue(golden, type.eventClass());
        assertThat(read).isEqualTo(RelationshipEventSamples.golden(type));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RelationshipEventType.class)
    void serviceReadsBackWhatItWrites(RelationshipEventType type) throws IOException {
        Object sample = RelationshipEventSamples.golden(type);
        // EventCodec.decode reads stored payloads with this mapper (unknown properties fail): a serialized property
        // without a matching record component (e.g. from an isX() getter) makes stored events unreadable.
        assertThat(ContractJson.MAPPER.readValue(ContractJson.encode(sample), type.eventClass())).isEqualTo(sample);
    }

    private static String mismatch(RelationshipEventType type, JsonNode golden, JsonNode actual) {
        String file = "relationship-service/src/test/resources/golden/" + type.typeName() + ".json";
        return (golden == null ? "There is no golden file " + file + " for event type " + type.typeName() + "."
                : "The JSON the service publishes for " + type.typeName() + " differs from " + file + ".")
                + "\n\nThis JSON is the data of the CloudEvents on Kafka topic " + type.family().defaultTopic()
                + ": a public contract that consumers (reporting-service and others) validate against"
                + " META-INF/resources" + RelationshipEventSchemas.dataSchema(type) + ".\n"
                + "If the change is NOT deliberate, fix the code (record components, getters such as isX()/getX()"
                + " are serialized too unless @JsonIgnore'd, Jackson annotations, ObjectMapper settings).\n"
                + "If it IS deliberate:\n"
                + "  - a compatible change (a new optional field): update the JSON Schema and the AsyncAPI document;\n"
                + "  - an incompatible one (removed/renamed/retyped field, new required field): publish a new schema version"
                + " (RelationshipEventType.CURRENT_SCHEMA_VERSION, schemas/" + type.family().schemaFolder()
                + "/v2/, an upcaster in EventCodec);\n"
                + "  then regenerate the golden files with\n"
                + "    ./mvnw -pl relationship-service test -Dtest='io.kamplatform.relationship.contract.*Test' -D"
                + ContractJson.UPDATE_PROPERTY + "=true\n"
                + "  and review the diff of " + file + " in the commit.\n\n"
                + "expected (golden):\n" + (golden == null ? "<missing>" : ContractJson.pretty(golden))
                + "\nactual:\n" + ContractJson.pretty(actual);
    }
}
