package io.kamplatform.kit.outbox;

import java.net.URI;

/**
 * What a service tells the outbox about its events: the topic each logical type goes to, the schema
 * that describes it, and the CloudEvents source of the service.
 */
public interface EventRouting {

    /** The Kafka topic of events of this logical type. */
    String topicOf(String eventType);

    /** The {@code ce_dataschema} of the type's JSON Schema, as served by the service. */
    URI dataSchemaOf(String eventType, int schemaVersion);

    /** The {@code ce_source}, e.g. {@code /kam-platform/account-service}. */
    URI source();
}
