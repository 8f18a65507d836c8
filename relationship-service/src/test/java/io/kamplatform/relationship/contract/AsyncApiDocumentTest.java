package io.kamplatform.relationship.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kamplatform.relationship.store.EventFamily;
import io.kamplatform.relationship.store.RelationshipEventType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The AsyncAPI document describes every event type, points at the published schemas and has valid examples. */
class AsyncApiDocumentTest {

    private static JsonNode doc;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getClassLoader()
                .getResourceAsStream(RelationshipEventSchemas.ASYNCAPI_RESOURCE)) {
            assertThat(in).as(RelationshipEventSchemas.ASYNCAPI_RESOURCE).isNotNull();
            doc = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    /** The channel id of a family in the document. */
    static String channel(EventFamily family) {
        return switch (family) {
            case INTERACTION -> "interactionEvents";
            case CONTRACT -> "contractEvents";
        };
    }

    static String operation(EventFamily family) {
        return switch (family) {
            case INTERACTION -> "publishInteractionEvents";
            case CONTRACT -> "publishContractEvents";
        };
    }

    static String headersSchema(EventFamily family) {
        return switch (family) {
            case INTERACTION -> "InteractionEventHeaders";
            case CONTRACT -> "ContractEventHeaders";
        };
    }

    static List<String> typeNames(EventFamily family) {
        return Arrays.stream(RelationshipEventType.values()).filter(t -> t.family() == family)
                .map(RelationshipEventType::typeName).toList();
    }

    @Test
    void describesBothTopics() {
        assertThat(doc.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(doc.at("/servers/kafka/protocol").asText()).isEqualTo("kafka");
        List<String> channels = new ArrayList<>();
        doc.path("channels").fieldNames().forEachRemaining(channels::add);
        assertThat(channels).containsExactly("interactionEvents", "contractEvents");
        List<String> operations = new ArrayList<>();
        doc.path("operations").fieldNames().forEachRemaining(operations::add);
        assertThat(operations).containsExactly("publishInteractionEvents", "publishContractEvents");
        List<String> messages = new ArrayList<>();
        doc.at("/components/messages").fieldNames().forEachRemaining(messages::add);
        assertThat(messages).containsExactlyElementsOf(RelationshipEventType.typeNames());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventFamily.class)
    void describesTheTopicAndThePublishOperationOfAFamily(EventFamily family) {
        String channel = channel(family);
        assertThat(doc.at("/channels/" + channel + "/address").asText()).isEqualTo(family.defaultTopic());
        assertThat(doc.at("/channels/" + channel + "/bindings/kafka/topic").asText()).isEqualTo(family.defaultTopic());
        assertThat(doc.at("/channels/" + channel + "/bindings/kafka/topicConfiguration/retention.ms").asLong()).isEqualTo(-1);
        JsonNode operation = doc.at("/operations/" + operation(family));
        assertThat(operation.path("action").asText()).isEqualTo("send");
        assertThat(operation.at("/channel/$ref").asText()).isEqualTo("#/channels/" + channel);
        List<String> operationMessages = new ArrayList<>();
        operation.path("messages").forEach(m -> operationMessages.add(m.path("$ref").asText()));
        assertThat(operationMessages).containsExactlyElementsOf(
                typeNames(family).stream().map(t -> "#/channels/" + channel + "/messages/" + t).toList());
        List<String> channelMessages = new ArrayList<>();
        doc.at("/channels/" + channel + "/messages").fieldNames().forEachRemaining(channelMessages::add);
        assertThat(channelMessages).containsExactlyElementsOf(typeNames(family));
        List<String> ceTypes = new ArrayList<>();
        doc.at("/components/schemas/" + headersSchema(family) + "/allOf/1/properties/ce_type/enum")
                .forEach(t -> ceTypes.add(t.asText()));
        assertThat(ceTypes).containsExactlyElementsOf(typeNames(family));
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
                EventFamily family = Arrays.stream(EventFamily.values())
                        .filter(f -> ref.startsWith("." + RelationshipEventSchemas.schemaPath(f))).findFirst()
                        .orElseThrow(() -> new AssertionError("$ref " + ref + " is outside the published schema folders"));
                String file = ref.substring(ref.lastIndexOf('/') + 1);
                assertThat(RelationshipEventSchemas.readSchemaFile(family, file)).as("$ref %s", ref).isNotNull();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RelationshipEventType.class)
    void messageReferencesThePublishedSchemaAndHasValidExamples(RelationshipEventType type) {
        String name = type.typeName();
        JsonNode message = doc.at("/components/messages/" + name);
        assertThat(message.isObject()).as("components.messages.%s", name).isTrue();
        assertThat(message.at("/payload/schema/$ref").asText()).isEqualTo("." + RelationshipEventSchemas.dataSchema(type));
        assertThat(message.at("/headers/allOf/0/$ref").asText())
                .isEqualTo("#/components/schemas/" + headersSchema(type.family()));
        assertThat(message.at("/traits/0/$ref").asText()).isEqualTo("#/components/messageTraits/RelationshipCloudEvent");
        assertThat(doc.at("/components/messageTraits/RelationshipCloudEvent/bindings/kafka/key/$ref").asText())
                .isEqualTo("#/components/schemas/AccountId");

        JsonNode example = message.at("/examples/0");
        assertThat(example.path("payload")).as("the example is the golden sample").isEqualTo(ContractJson.golden(name));
        assertThat(RelationshipEventSchemas.validate(name, example.path("payload"))).isEmpty();
        Map<String, String> headers = new HashMap<>();
        example.path("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
        assertThat(RelationshipEventSchemas.validateHeaders(name, headers)).isEmpty();
        assertThat(headers).containsEntry("ce_type", name)
                .containsEntry("ce_source", "/kam-platform/relationship-service")
                .containsEntry("ce_dataschema", RelationshipEventSchemas.dataSchema(type));
    }

    @Test
    void badHeadersAreRefused() {
        Map<String, String> good = exampleHeaders("ContactAdded");
        assertThat(RelationshipEventSchemas.validateHeaders("ContactAdded", good)).isEmpty();
        good.put("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        assertThat(RelationshipEventSchemas.validateHeaders("ContactAdded", good)).as("extra headers are fine").isEmpty();

        assertThat(RelationshipEventSchemas.validateHeaders("ContactAdded", without(good, "ce_id"))).isNotEmpty();
        assertThat(RelationshipEventSchemas.validateHeaders("ContactAdded", without(good, "ce_recordedtime"))).isNotEmpty();
        assertThat(RelationshipEventSchemas.validateHeaders("ContactAdded", with(good, "ce_type", "ContactLeft"))).isNotEmpty();
        assertThat(RelationshipEventSchemas.validateHeaders("ContactAdded", with(good, "ce_type", "ContractSigned"))).isNotEmpty();
        assertThat(RelationshipEventSchemas.validateHeaders("ContactAdded", with(good, "ce_subject", "ACME DE 001"))).isNotEmpty();
        assertThat(RelationshipEventSchemas.validateHeaders("ContactAdded", with(good, "ce_specversion", "0.3"))).isNotEmpty();
        assertThat(RelationshipEventSchemas.validateHeaders("ContactAdded",
                with(good, "ce_source", "/kam-platform/account-service"))).isNotEmpty();
        assertThat(RelationshipEventSchemas.validateHeaders("ContactAdded", with(good, "ce_streamversion", "0"))).isNotEmpty();
        assertThat(RelationshipEventSchemas.validateHeaders("ContactAdded", with(good, "ce_time", "yesterday"))).isNotEmpty();
        assertThat(RelationshipEventSchemas.validateHeaders("ContactAdded",
                with(good, "ce_dataschema", "/schemas/interaction-events/v1/ContactLeft.json"))).isNotEmpty();
        assertThat(RelationshipEventSchemas.validateHeaders("ContactAdded",
                with(good, "ce_dataschema", "/schemas/contract-events/v1/ContactAdded.json"))).isNotEmpty();

        Map<String, String> contract = exampleHeaders("ContractSigned");
        assertThat(RelationshipEventSchemas.validateHeaders("ContractSigned", contract)).isEmpty();
        assertThat(RelationshipEventSchemas.validateHeaders("ContractSigned", with(contract, "ce_type", "ContactAdded"))).isNotEmpty();
        assertThat(RelationshipEventSchemas.validateHeaders("ContractSigned",
                with(contract, "ce_dataschema", "/schemas/interaction-events/v1/ContractSigned.json"))).isNotEmpty();
        assertThat(RelationshipEventSchemas.validateHeaders("ContractSigned", with(contract, "content-type", "text/plain"))).isNotEmpty();
    }

    private static Map<String, String> exampleHeaders(String type) {
        Map<String, String> headers = new HashMap<>();
        doc.at("/components/messages/" + type + "/examples/0/headers").properties()
                .forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
        return headers;
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
