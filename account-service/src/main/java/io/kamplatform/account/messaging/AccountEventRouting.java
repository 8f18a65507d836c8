package io.kamplatform.account.messaging;

import io.kamplatform.kit.outbox.EventRouting;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Every account event goes to one topic, described by the schemas this service serves. */
@ApplicationScoped
public class AccountEventRouting implements EventRouting {

    static final URI SOURCE = URI.create("/kam-platform/account-service");

    private final String topic;

    public AccountEventRouting(@ConfigProperty(name = "kam.topics.account-events", defaultValue = "kam.account.events")
                               String topic) {
        this.topic = topic;
    }

    @Override
    public String topicOf(String eventType) {
        return topic;
    }

    @Override
    public URI dataSchemaOf(String eventType, int schemaVersion) {
        return URI.create("/schemas/account-events/v" + schemaVersion + "/" + eventType + ".json");
    }

    @Override
    public URI source() {
        return SOURCE;
    }
}
