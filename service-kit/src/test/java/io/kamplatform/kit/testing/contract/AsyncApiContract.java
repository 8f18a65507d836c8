package io.kamplatform.kit.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kamplatform.kit.store.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The AsyncAPI document describes every event type, points at the published schemas and has valid examples whose
 * headers the document's own header schemas check. A writer extends this with its {@link PublishedEvents} and the
 * name of its message trait, and adds the tests of its channels and operations.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AsyncApiContract<E, T extends Enum<T> & EventType<? extends E>> {

    protected final PublishedEvents<E, T> published;
    private final String messageTrait;
    protected JsonNode doc;

    /** @param messageTrait the trait every message carries, e.g. {@code AccountCloudEvent} */
    protected AsyncApiContract(PublishedEvents<E, T> published, String messageTrait) {
        this.published = published;
        this.messageTrait = messageTrait;
    }

    @BeforeAll
    void read() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(PublishedEvents.ASYNCAPI_RESOURCE)) {
            assertThat(in).as(PublishedEvents.ASYNCAPI_RESOURCE).isNotNull();
            doc = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    List<T> eventTypes() {
        return published.types();
    }

    /** What a writer checks of a message besides what every writer's message has; nothing by default. */
    protected void checkMessage(T type, JsonNode message) {
    }

    @Test
    void describesEveryEventTypeOverKafka() {
        assertThat(doc.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(doc.at("/servers/kafka/protocol").asText()).isEqualTo("kafka");
        List<String> messages = new ArrayList<>();
        doc.at("/components/messages").fieldNames().forEachRemaining(messages::add);
        assertThat(messages).containsExactlyElementsOf(published.catalog().typeNames());
    }

    @Test
    void everyLocalReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            if (ref.startsWith("#")) {
                assertThat(doc.at(ref.substring(1)).isMissingNode()).as("$ref %s", ref).isFalse();
            } else {
                String schemaPath = published.schemaPaths().stream().filter(p -> ref.startsWith("." + p)).findFirst()
                        .orElseThrow(() -> new AssertionError("$ref " + ref + " is outside the published schema folders"));
                String file = ref.substring(ref.lastIndexOf('/') + 1);
                assertThat(published.readSchemaFile(schemaPath, file)).as("$ref %s", ref).isNotNull();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void messageReferencesThePublishedSchemaAndHasValidExamples(T type) {
        String name = type.typeName();
        JsonNode message = doc.at("/components/messages/" + name);
        assertThat(message.isObject()).as("components.messages.%s", name).isTrue();
        assertThat(message.at("/payload/schema/$ref").asText()).isEqualTo("." + published.dataSchema(type));
        assertThat(message.at("/traits/0/$ref").asText()).isEqualTo("#/components/messageTraits/" + messageTrait);
        assertThat(doc.at("/components/messageTraits/" + messageTrait + "/bindings/kafka/key/$ref").asText())
                .isEqualTo("#/components/schemas/AccountId");
        checkMessage(type, message);

        JsonNode example = message.at("/examples/0");
        assertThat(example.path("payload")).as("the example is the golden sample").isEqualTo(PublishedEvents.golden(name));
        assertThat(published.validate(name, example.path("payload"))).isEmpty();
        Map<String, String> headers = exampleHeaders(name);
        assertThat(published.validateHeaders(name, headers)).isEmpty();
        assertThat(headers).containsEntry("ce_type", name)
                .containsEntry("ce_source", "/kam-platform/" + published.service())
                .containsEntry("ce_dataschema", published.dataSchema(type));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void badHeadersAreRefused(T type) {
        String name = type.typeName();
        T other = published.types().stream()
                .filter(t -> t != type && published.schemaPath(t).equals(published.schemaPath(type))).findFirst().orElseThrow();
        Map<String, String> good = exampleHeaders(name);
        assertThat(published.validateHeaders(name, good)).isEmpty();
        good.put("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        assertThat(published.validateHeaders(name, good)).as("extra headers are fine").isEmpty();

        assertThat(published.validateHeaders(name, without(good, "ce_id"))).isNotEmpty();
        assertThat(published.validateHeaders(name, with(good, "ce_type", other.typeName()))).isNotEmpty();
        assertThat(published.validateHeaders(name, with(good, "ce_subject", "ACME DE 001"))).isNotEmpty();
        assertThat(published.validateHeaders(name, with(good, "ce_specversion", "0.3"))).isNotEmpty();
        assertThat(published.validateHeaders(name, with(good, "ce_streamversion", "0"))).isNotEmpty();
        assertThat(published.validateHeaders(name, with(good, "ce_time", "yesterday"))).isNotEmpty();
        assertThat(published.validateHeaders(name, with(good, "ce_dataschema", published.dataSchema(other)))).isNotEmpty();
    }

    /** The headers of a message's first example, as strings. */
    protected Map<String, String> exampleHeaders(String type) {
        Map<String, String> headers = new HashMap<>();
        doc.at("/components/messages/" + type + "/examples/0/headers").properties()
                .forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
        return headers;
    }

    protected static Map<String, String> with(Map<String, String> headers, String key, String value) {
        Map<String, String> copy = new HashMap<>(headers);
        copy.put(key, value);
        return copy;
    }

    protected static Map<String, String> without(Map<String, String> headers, String key) {
        Map<String, String> copy = new HashMap<>(headers);
        copy.remove(key);
        return copy;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("$ref") && e.getValue().isTextual()) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }
}
