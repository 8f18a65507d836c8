package io.kamplatform.relationship.messaging;

import io.kamplatform.kit.outbox.EventRouting;
import io.kamplatform.relationship.store.EventFamily;
import io.kamplatform.relationship.store.RelationshipEventType;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Relationship facts go to kam.interaction.events, contract facts to kam.contract.events. */
@ApplicationScoped
public class RelationshipEventRouting implements EventRouting {

    static final URI SOURCE = URI.create("/kam-platform/relationship-service");

    private final String interactionTopic;
    private final String contractTopic;

    public RelationshipEventRouting(
            @ConfigProperty(name = "kam.topics.interaction-events", defaultValue = "kam.interaction.events") String interactionTopic,
            @ConfigProperty(name = "kam.topics.contract-events", defaultValue = "kam.contract.events") String contractTopic) {
        this.interactionTopic = interactionTopic;
        this.contractTopic = contractTopic;
    }

    @Override
    public String topicOf(String eventType) {
        return family(eventType) == EventFamily.CONTRACT ? contractTopic : interactionTopic;
    }

    @Override
    public URI dataSchemaOf(String eventType, int schemaVersion) {
        return URI.create("/schemas/" + family(eventType).schemaFolder() + "/v" + schemaVersion + "/" + eventType + ".json");
    }

    @Override
    public URI source() {
        return SOURCE;
    }

    private static EventFamily family(String eventType) {
        return RelationshipEventType.CATALOG.byName(eventType)
                .orElseThrow(() -> new IllegalStateException("unknown event type " + eventType)).family();
    }
}
