package io.kamplatform.kit.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.kamplatform.kit.store.EventType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Approval tests of the published event JSON: what the writer writes for each event type must equal the golden file
 * {@code src/test/resources/golden/<TypeName>.json}, so the contract of its topics never changes by accident (a
 * renamed record component, a new getter, a Jackson upgrade, a changed ObjectMapper setting). A writer extends this
 * with its {@link PublishedEvents}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EventJsonGoldenContract<E, T extends Enum<T> & EventType<? extends E>> {

    protected final PublishedEvents<E, T> published;

    protected EventJsonGoldenContract(PublishedEvents<E, T> published) {
        this.published = published;
    }

    List<T> eventTypes() {
        return published.types();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void publishedJsonEqualsTheGoldenFile(T type) throws IOException {
        E sample = published.sample(type);
        assertThat(sample).isInstanceOf(type.eventClass());
        JsonNode actual = PublishedEvents.tree(published.encode(sample));
        JsonNode golden = PublishedEvents.golden(type.typeName());

        if (Boolean.getBoolean(PublishedEvents.UPDATE_PROPERTY)) {
            Path file = PublishedEvents.GOLDEN_DIR.resolve(type.typeName() + ".json");
            Files.createDirectories(file.getParent());
            Files.writeString(file, PublishedEvents.pretty(actual) + "\n");
            return;
        }
        if (golden == null || !golden.equals(actual)) {
            fail(mismatch(type, golden, actual));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void goldenJsonReadsBackToTheSameEvent(T type) throws IOException {
        JsonNode golden = PublishedEvents.golden(type.typeName());
        assertThat(golden).as("golden/%s.json", type.typeName()).isNotNull();
        // What was published must stay readable by the service itself (its EventCodec decodes stored payloads with the
        // same mapper, and Quarkus is configured to fail on unknown properties).
        Object read = PublishedEvents.MAPPER.treeToValue(golden, type.eventClass());
        assertThat(read).isEqualTo(published.sample(type));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void serviceReadsBackWhatItWrites(T type) throws IOException {
        E sample = published.sample(type);
        // The codec reads stored payloads with this mapper (unknown properties fail): a serialized property without a
        // matching record component (e.g. from an isX() getter) makes stored events unreadable.
        assertThat(PublishedEvents.MAPPER.readValue(published.encode(sample), type.eventClass())).isEqualTo(sample);
    }

    private String mismatch(T type, JsonNode golden, JsonNode actual) {
        String file = published.service() + "/src/test/resources/golden/" + type.typeName() + ".json";
        return (golden == null ? "There is no golden file " + file + " for event type " + type.typeName() + "."
                : "The JSON the service publishes for " + type.typeName() + " differs from " + file + ".")
                + "\n\nThis JSON is the data of the CloudEvents on Kafka topic " + published.topic(type)
                + ": a public contract that consumers (reporting-service and others) validate against"
                + " META-INF/resources" + published.dataSchema(type) + ".\n"
                + "If the change is NOT deliberate, fix the code (record components, getters such as isX()/getX()"
                + " are serialized too unless @JsonIgnore'd, Jackson annotations, ObjectMapper settings).\n"
                + "If it IS deliberate:\n"
                + "  - a compatible change (a new optional field): update the JSON Schema and the AsyncAPI document;\n"
                + "  - an incompatible one (removed/renamed/retyped field, new required field): publish a new schema version"
                + " (the catalogue's schema version, schemas/" + published.schemaFolder(type)
                + "/v2/, an upcaster in the EventCodec);\n"
                + "  then regenerate the golden files with\n"
                + "    ./mvnw -pl " + published.service() + " test -Dtest='" + getClass().getPackageName() + ".*Test' -D"
                + PublishedEvents.UPDATE_PROPERTY + "=true\n"
                + "  and review the diff of " + file + " in the commit.\n\n"
                + "expected (golden):\n" + (golden == null ? "<missing>" : PublishedEvents.pretty(golden))
                + "\nactual:\n" + PublishedEvents.pretty(actual);
    }
}
