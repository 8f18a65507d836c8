package io.kamplatform.relationship.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kamplatform.kit.testing.contract.AsyncApiContract;
import io.kamplatform.relationship.store.EventFamily;
import io.kamplatform.relationship.store.RelationshipEventType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The AsyncAPI document describes every event type, points at the published schemas and has valid examples (the
 * kit's {@link AsyncApiContract}), on two topics: {@code kam.interaction.events} and {@code kam.contract.events}.
 */
class AsyncApiDocumentTest extends AsyncApiContract<Object, RelationshipEventType> {

    AsyncApiDocumentTest() {
        super(RelationshipEvents.PUBLISHED, "RelationshipCloudEvent");
    }

    /** Each message's headers are those of its family (topic). */
    @Override
    protected void checkMessage(RelationshipEventType type, JsonNode message) {
        assertThat(message.at("/headers/allOf/0/$ref").asText())
                .isEqualTo("#/components/schemas/" + headersSchema(type.family()));
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
        List<String> channels = new ArrayList<>();
        doc.path("channels").fieldNames().forEachRemaining(channels::add);
        assertThat(channels).containsExactly("interactionEvents", "contractEvents");
        List<String> operations = new ArrayList<>();
        doc.path("operations").fieldNames().forEachRemaining(operations::add);
        assertThat(operations).containsExactly("publishInteractionEvents", "publishContractEvents");
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

    /** Beyond the kit's checks of every message: headers of the other topic, another source, no recorded time. */
    @Test
    void headersOfTheOtherTopicOrAnotherServiceAreRefused() {
        Map<String, String> contact = exampleHeaders("ContactAdded");
        assertThat(published.validateHeaders("ContactAdded", without(contact, "ce_recordedtime"))).isNotEmpty();
        assertThat(published.validateHeaders("ContactAdded", with(contact, "ce_type", "ContractSigned"))).isNotEmpty();
        assertThat(published.validateHeaders("ContactAdded",
                with(contact, "ce_source", "/kam-platform/account-service"))).isNotEmpty();
        assertThat(published.validateHeaders("ContactAdded",
                with(contact, "ce_dataschema", "/schemas/contract-events/v1/ContactAdded.json"))).isNotEmpty();

        Map<String, String> contract = exampleHeaders("ContractSigned");
        assertThat(published.validateHeaders("ContractSigned", with(contract, "ce_type", "ContactAdded"))).isNotEmpty();
        assertThat(published.validateHeaders("ContractSigned",
                with(contract, "ce_dataschema", "/schemas/interaction-events/v1/ContractSigned.json"))).isNotEmpty();
        assertThat(published.validateHeaders("ContractSigned", with(contract, "content-type", "text/plain"))).isNotEmpty();
    }
}
