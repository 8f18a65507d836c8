package io.kamplatform.account.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kamplatform.account.store.AccountEventType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The AsyncAPI document describes every event type, points at the published schemas and has valid examples. */
class AsyncApiDocumentTest {

    private static final String CHANNEL = "accountEvents";
    private static JsonNode doc;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getClassLoader().getResourceAsStream(AccountEventSchemas.ASYNCAPI_RESOURCE)) {
            assertThat(in).as(AccountEventSchemas.ASYNCAPI_RESOURCE).isNotNull();
            doc = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    @Test
    void describesTheTopicAndThePublishOperation() {
        assertThat(doc.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(doc.at("/servers/kafka/protocol").asText()).isEqualTo("kafka");
        assertThat(doc.at("/channels/" + CHANNEL + "/address").asText()).isEqualTo("kam.account.events");
        assertThat(doc.at("/channels/" + CHANNEL + "/bindings/kafka/topicConfiguration/retention.ms").asLong()).isEqualTo(-1);
        JsonNode operation = doc.at("/operations/publishAccountEvents");
        assertThat(operation.path("action").asText()).isEqualTo("send");
        assertThat(operation.at("/channel/$ref").asText()).isEqualTo("#/channels/" + CHANNEL);
        List<String> operationMessages = new ArrayList<>();
        operation.path("messages").forEach(m -> operationMessages.add(m.path("$ref").asText()));
        assertThat(operationMessages).containsExactlyElementsOf(
                AccountEventType.typeNames().stream().map(t -> "#/channels/" + CHANNEL + "/messages/" + t).toList());
        List<String> channelMessages = new ArrayList<>();
        doc.at("/channels/" + CHANNEL + "/messages").fieldNames().forEachRemaining(channelMessages::add);
        assertThat(channelMessages).containsExactlyElementsOf(AccountEventType.typeNames());
        List<String> ceTypes = new ArrayList<>();
        doc.at("/components/schemas/CloudEventHeaders/properties/ce_type/enum").forEach(t -> ceTypes.add(t.asText()));
        assertThat(ceTypes).containsExactlyElementsOf(AccountEventType.typeNames());
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
                assertThat(ref).startsWith("./schemas/account-events/v" + AccountEventType.CURRENT_SCHEMA_VERSION + "/");
                String file = ref.substring(ref.lastIndexOf('/') + 1);
                assertThat(AccountEventSchemas.readSchemaFile(file)).as("$ref %s", ref).isNotNull();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(AccountEventType.class)
    void messageReferencesThePublishedSchemaAndHasValidExamples(AccountEventType type) {
        String name = type.typeName();
        JsonNode message = doc.at("/components/messages/" + name);
        assertThat(message.isObject()).as("components.messages.%s", name).isTrue();
        assertThat(message.at("/payload/schema/$ref").asText()).isEqualTo("./schemas/account-events/v1/" + name + ".json");
        assertThat(message.at("/traits/0/$ref").asText()).isEqualTo("#/components/messageTraits/AccountCloudEvent");
        assertThat(doc.at("/components/messageTraits/AccountCloudEvent/bindings/kafka/key/$ref").asText())
                .isEqualTo("#/components/schemas/AccountId");

        JsonNode example = message.at("/examples/0");
        assertThat(example.path("payload")).as("the example is the golden sample").isEqualTo(ContractJson.golden(name));
        assertThat(AccountEventSchemas.validate(name, example.path("payload"))).isEmpty();
        Map<String, String> headers = new HashMap<>();
        example.path("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
        assertThat(AccountEventSchemas.validateHeaders(name, headers)).isEmpty();
        assertThat(headers).containsEntry("ce_type", name)
                .containsEntry("ce_dataschema", AccountEventSchemas.SCHEMA_PATH + name + ".json");
    }

    @Test
    void badHeadersAreRefused() {
        Map<String, String> good = new HashMap<>();
        doc.at("/components/messages/KeyAccountDesignated/examples/0/headers").properties()
                .forEach(e -> good.put(e.getKey(), e.getValue().asText()));
        assertThat(AccountEventSchemas.validateHeaders("KeyAccountDesignated", good)).isEmpty();
        good.put("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        assertThat(AccountEventSchemas.validateHeaders("KeyAccountDesignated", good)).as("extra headers are fine").isEmpty();

        assertThat(AccountEventSchemas.validateHeaders("KeyAccountDesignated", without(good, "ce_id"))).isNotEmpty();
        assertThat(AccountEventSchemas.validateHeaders("KeyAccountDesignated", with(good, "ce_type", "AccountRegistered"))).isNotEmpty();
        assertThat(AccountEventSchemas.validateHeaders("KeyAccountDesignated", with(good, "ce_subject", "ACME DE 001"))).isNotEmpty();
        assertThat(AccountEventSchemas.validateHeaders("KeyAccountDesignated", with(good, "ce_specversion", "0.3"))).isNotEmpty();
        assertThat(AccountEventSchemas.validateHeaders("KeyAccountDesignated", with(good, "ce_streamversion", "0"))).isNotEmpty();
        assertThat(AccountEventSchemas.validateHeaders("KeyAccountDesignated", with(good, "ce_time", "yesterday"))).isNotEmpty();
        assertThat(AccountEventSchemas.validateHeaders("KeyAccountDesignated",
                with(good, "ce_dataschema", "/schemas/account-events/v1/AccountRegistered.json"))).isNotEmpty();
    }

    private static Map<String, String> with(Map<String, String> headers, String key, String value) {
        Map<String, String> copy = new HashMap<>(headers);
        copy.put(key, value);
        return copy;
    }

    private static Map<String, String> without(Map<String, String> headers, String key) {
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
