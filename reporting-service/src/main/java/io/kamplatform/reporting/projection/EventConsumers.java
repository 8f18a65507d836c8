package io.kamplatform.reporting.projection;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The three topics the reports are built from. Per-account order follows from the record key; the offset is
 * committed after the fact is stored, and a redelivery after a crash stores nothing twice.
 */
@ApplicationScoped
public class EventConsumers {

    private final FactProjector projector;

    public EventConsumers(FactProjector projector) {
        this.projector = projector;
    }

    @Incoming("account-events")
    public Uni<Void> accountEvent(ConsumerRecord<String, String> record) {
        return projector.project(record);
    }

    @Incoming("interaction-events")
    public Uni<Void> interactionEvent(ConsumerRecord<String, String> record) {
        return projector.project(record);
    }

    @Incoming("contract-events")
    public Uni<Void> contractEvent(ConsumerRecord<String, String> record) {
        return projector.project(record);
    }
}
