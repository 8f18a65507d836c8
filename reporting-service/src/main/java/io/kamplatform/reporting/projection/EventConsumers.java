package io.kamplatform.reporting.projection;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The three topics the reports are built from, consumed in batches (one poll, up to {@code max.poll.records}, stored in
 * one transaction), each poll read while the one before is stored ({@link PollPipeline}). Per-account order follows
 * from the record key; the offsets are committed after the batch is stored, and a redelivery after a crash stores
 * nothing twice.
 */
@ApplicationScoped
public class EventConsumers {

    private final PollPipeline<KafkaRecordBatch<String, String>, FactProjector.ReadBatch> accountEvents;
    private final PollPipeline<KafkaRecordBatch<String, String>, FactProjector.ReadBatch> interactionEvents;
    private final PollPipeline<KafkaRecordBatch<String, String>, FactProjector.ReadBatch> contractEvents;

    public EventConsumers(FactProjector projector) {
        this.accountEvents = pipeline(projector);
        this.interactionEvents = pipeline(projector);
        this.contractEvents = pipeline(projector);
    }

    /** A channel's polls: each read while the previous one is stored, stored one at a time in order. */
    private static PollPipeline<KafkaRecordBatch<String, String>, FactProjector.ReadBatch> pipeline(FactProjector projector) {
        return new PollPipeline<>(projector::read, projector::store,
                (batch, failure) -> Uni.createFrom().completionStage(() -> batch.nack(failure)));
    }

    @Incoming("account-events")
    public Uni<Void> accountEvent(KafkaRecordBatch<String, String> batch) {
        return accountEvents.next(batch);
    }

    @Incoming("interaction-events")
    public Uni<Void> interactionEvent(KafkaRecordBatch<String, String> batch) {
        return interactionEvents.next(batch);
    }

    @Incoming("contract-events")
    public Uni<Void> contractEvent(KafkaRecordBatch<String, String> batch) {
        return contractEvents.next(batch);
    }
}
