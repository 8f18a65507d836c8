package io.kamplatform.reporting.projection;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The three topics the reports are built from, consumed in batches (one poll, up to {@code max.poll.records}, stored in
 * one transaction). Per-account order follows from the record key; the offsets are committed after the batch is
 * stored, and a redelivery after a crash stores nothing twice.
 */
@ApplicationScoped
public class EventConsumers {

    private final FactProjector projector;

    public EventConsumers(FactProjector projector) {
        this.projector = projector;
    }

    @Incoming("account-events")
    public Uni<Void> accountEvent(KafkaRecordBatch<String, String> batch) {
        return projector.project(batch);
    }

    @Incoming("interaction-events")
    public Uni<Void> interactionEvent(KafkaRecordBatch<String, String> batch) {
        return projector.project(batch);
    }

    @Incoming("contract-events")
    public Uni<Void> contractEvent(KafkaRecordBatch<String, String> batch) {
        return projector.project(batch);
    }
}
