package io.kamplatform.account.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kamplatform.account.store.AccountEventType;
import io.kamplatform.kit.testing.contract.AsyncApiContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI document describes every event type, points at the published schemas and has valid examples (the
 * kit's {@link AsyncApiContract}), on the one topic {@code kam.account.events}.
 */
class AsyncApiDocumentTest extends AsyncApiContract<Object, AccountEventType> {

    private static final String CHANNEL = "accountEvents";

    AsyncApiDocumentTest() {
        super(AccountEvents.PUBLISHED, "AccountCloudEvent");
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
                AccountEventType.CATALOG.typeNames().stream().map(t -> "#/channels/" + CHANNEL + "/messages/" + t).toList());
        List<String> channelMessages = new ArrayList<>();
        doc.at("/channels/" + CHANNEL + "/messages").fieldNames().forEachRemaining(channelMessages::add);
        assertThat(channelMessages).containsExactlyElementsOf(AccountEventType.CATALOG.typeNames());
        List<String> ceTypes = new ArrayList<>();
        doc.at("/components/schemas/CloudEventHeaders/properties/ce_type/enum").forEach(t -> ceTypes.add(t.asText()));
        assertThat(ceTypes).containsExactlyElementsOf(AccountEventType.CATALOG.typeNames());
    }
}
