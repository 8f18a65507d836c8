package io.kamplatform.kit.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import io.kamplatform.kit.store.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published JSON Schemas accept what the writer writes and refuse what it never writes. A writer extends this
 * with its {@link PublishedEvents}, valid events with their optional fields left out, and the invalid samples of its
 * own schemas ({@link #invalid}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EventSchemaContract<E, T extends Enum<T> & EventType<? extends E>> {

    protected static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

    protected final PublishedEvents<E, T> published;

    protected EventSchemaContract(PublishedEvents<E, T> published) {
        this.published = published;
    }

    /** Valid events with optional fields null, as the service writes them. */
    protected abstract List<E> withOptionalFieldsLeftOut();

    /** Golden samples broken one way each ({@link #invalid}): the schema must refuse every one. */
    protected abstract Stream<Arguments> invalidSamples();

    /** How many event schemas inline Money under {@code $defs}. */
    protected abstract int schemasInliningMoney();

    List<T> eventTypes() {
        return published.types();
    }

    List<String> schemaPaths() {
        return published.schemaPaths();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void everyEventTypeHasASchemaAndAGoldenFile(T type) {
        String file = type.typeName() + ".json";
        JsonNode schema = published.readSchemaFile(type);
        assertThat(schema).as("schema file %s for event type %s",
                PublishedEvents.resource(published.schemaPath(type), file), type).isNotNull();
        assertThat(schema.path("$schema").asText()).isEqualTo(DRAFT_2020_12);
        // ce_dataschema of every record is exactly this path, so the $id is where a consumer fetches the file.
        assertThat(schema.path("$id").asText()).isEqualTo(published.dataSchema(type));
        assertThat(schema.path("title").asText()).isEqualTo(type.typeName());
        assertThat(schema.path("description").asText()).contains(published.topic(type));
        assertThat(schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").asBoolean())
                .as("%s forbids unknown properties", file).isTrue();
        assertThat(PublishedEvents.golden(type.typeName())).as("golden/%s", file).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaPaths")
    void indexListsExactlyTheEventTypesOfItsTopic(String schemaPath) {
        List<T> ofPath = published.types().stream().filter(t -> published.schemaPath(t).equals(schemaPath)).toList();
        JsonNode index = published.readSchemaFile(schemaPath, "index.json");
        assertThat(index).isNotNull();
        assertThat(index.path("topic").asText()).isEqualTo(published.topic(ofPath.get(0)));
        assertThat(index.path("schemaVersion").asInt()).isEqualTo(published.catalog().schemaVersion());
        List<String> types = new ArrayList<>();
        index.path("types").forEach(entry -> {
            types.add(entry.path("type").asText());
            assertThat(entry.path("schema").asText()).isEqualTo(schemaPath + entry.path("type").asText() + ".json");
        });
        assertThat(types).containsExactlyElementsOf(ofPath.stream().map(EventType::typeName).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void goldenSampleConformsToItsSchema(T type) {
        JsonNode golden = PublishedEvents.golden(type.typeName());
        assertThat(published.validate(type.typeName(), golden)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void whatTheServiceWritesConformsToTheSchema(T type) {
        String json = published.encode(published.sample(type));
        assertThat(published.validate(type.typeName(), json)).as(json).isEmpty();
    }

    @Test
    void optionalFieldsWrittenAsNullConform() {
        for (E event : withOptionalFieldsLeftOut()) {
            String json = published.encode(event);
            assertThat(json).contains("null");
            assertThat(published.validate(published.typeOf(event).typeName(), json)).as(json).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalidSamples")
    void invalidDataIsRefused(String type, String what, JsonNode data) {
        Set<ValidationMessage> problems = published.validate(type, data);
        assertThat(problems).as("%s with %s: %s", type, what, data).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void nonObjectDataIsRefused(T type) {
        assertThat(published.validate(type.typeName(), "[]")).isNotEmpty();
        assertThat(published.validate(type.typeName(), "\"c-1\"")).isNotEmpty();
    }

    @Test
    void unknownTypesAndNonJsonAreReportedClearly() {
        String known = published.types().get(0).typeName();
        assertThatThrownBy(() -> published.validate("NothingHappened", "{}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NothingHappened");
        assertThatThrownBy(() -> published.validate("Money", "{}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Money");
        assertThatThrownBy(() -> published.validate(known, "{not json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
    }

    /** Each schema with money inlines Money (so it is usable on its own); the copies equal the shared Money.json. */
    @Test
    void inlinedMoneyEqualsTheSharedDefinition() {
        int inlined = 0;
        for (T type : published.types()) {
            JsonNode money = published.readSchemaFile(type).path("$defs").path("Money");
            if (money.isMissingNode()) {
                continue;
            }
            JsonNode file = published.readSchemaFile(published.schemaPath(type), "Money.json");
            assertThat(file).as("Money.json beside %s.json", type.typeName()).isNotNull();
            ObjectNode shared = file.deepCopy();
            assertThat(shared.remove("$schema").asText()).isEqualTo(DRAFT_2020_12);
            assertThat(shared.remove("$id").asText()).isEqualTo(published.schemaPath(type) + "Money.json");
            assertThat(money).as("$defs.Money of %s.json", type.typeName()).isEqualTo(shared);
            inlined++;
        }
        assertThat(inlined).isEqualTo(schemasInliningMoney());
    }

    /** The golden sample of {@code type}, broken by {@code breakIt}, as an argument of {@link #invalidDataIsRefused}. */
    protected static Arguments invalid(String type, String what, Consumer<ObjectNode> breakIt) {
        JsonNode golden = PublishedEvents.golden(type);
        if (golden == null) {
            throw new IllegalStateException("no golden file for " + type);
        }
        ObjectNode data = (ObjectNode) golden.deepCopy();
        breakIt.accept(data);
        return Arguments.of(type, what, data);
    }

    protected static ObjectNode money(ObjectNode data, String field) {
        return (ObjectNode) data.get(field);
    }
}
