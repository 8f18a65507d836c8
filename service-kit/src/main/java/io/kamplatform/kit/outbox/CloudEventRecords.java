package io.kamplatform.kit.outbox;

import io.kamplatform.kit.store.StoredEvent;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Maps a stored event to a Kafka record in CloudEvents 1.0 binary mode: key = account id (per-account
 * order), {@code ce_id} = event id (consumers deduplicate on it together with {@code ce_source}), {@code ce_time} =
 * when it happened, JSON data. The stream id and version ({@code ce_streamid}, {@code ce_streamversion}: 1, 2, 3, …
 * per stream, so a consumer can tell when one is missing) and the schema version travel as CloudEvents extensions;
 * the topic and schema come from the service's {@link EventRouting}. A traced request's context travels as
 * {@code ce_traceparent}.
 */
/* Left out of services that publish nothing (kam.outbox.included=false at build time, e.g. reporting-service). */
@IfBuildProperty(name = "kam.outbox.included", stringValue = "true", enableIfMissing = true)
@ApplicationScoped
public class CloudEventRecords {

    private final EventRouting routing;

    public CloudEventRecords(EventRouting routing) {
        this.routing = routing;
    }

    /** A message whose acknowledgement (or failure) from the broker completes {@code sent}. */
    public Message<String> toMessage(StoredEvent event, CompletableFuture<Void> sent) {
        return toMessage(event, null, sent);
    }

    /**
     * The same, carrying the trace of the request that recorded the event as the CloudEvents distributed-tracing
     * extension ({@code ce_traceparent}, W3C format), so a consumer continues that trace.
     */
    public Message<String> toMessage(StoredEvent event, String traceParent, CompletableFuture<Void> sent) {
        var builder = OutgoingCloudEventMetadata.<String>builder();
        if (traceParent != null) {
            builder.withExtension("traceparent", traceParent);
        }
        OutgoingCloudEventMetadata<String> cloudEvent = builder
                .withId(event.eventId())
                .withType(event.type())
                .withSource(routing.source())
                .withSubject(event.subject())
                .withTimestamp(event.occurredAt().toZonedDateTime())
                .withDataContentType("application/json")
                .withDataSchema(routing.dataSchemaOf(event.type(), event.schemaVersion()))
                .withExtension("streamid", event.streamId())
                .withExtension("streamversion", event.version())
                .withExtension("schemaversion", event.schemaVersion())
                .withExtension("recordedtime", event.recordedAt().toInstant().toString())
                .build();
        return binaryMode(routing.topicOf(event.type()), event.subject(), event.payload(), cloudEvent, sent);
    }

    /**
     * A JSON record for {@code topic} under {@code key} in CloudEvents binary mode (the attributes of {@code cloudEvent}
     * as {@code ce_} headers, on a channel with {@code cloud-events-mode=binary}) whose acknowledgement by the broker, or
     * failure, completes {@code sent}. Static, so a service that publishes something else than its event store (its
     * own outbox, e.g. reporting-service's insights) builds its records the same way.
     */
    public static Message<String> binaryMode(String topic, String key, String payload,
                                             OutgoingCloudEventMetadata<String> cloudEvent, CompletableFuture<Void> sent) {
        var record = OutgoingKafkaRecordMetadata.<String>builder().withKey(key);
        if (topic != null) {
            record.withTopic(topic);
        }
        return Message.of(payload)
                .withAck(() -> {
                    sent.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    sent.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                })
                .addMetadata(cloudEvent)
                .addMetadata(record.build());
    }
}
