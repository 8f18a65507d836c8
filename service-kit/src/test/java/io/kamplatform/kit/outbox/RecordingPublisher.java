package io.kamplatform.kit.outbox;

import io.kamplatform.kit.store.StoredEvent;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;

/** Stands in for Kafka: remembers what was sent, in order, and acknowledges at once. */
class RecordingPublisher extends OutboxPublisher {

    final List<StoredEvent> sent = new ArrayList<>();

    RecordingPublisher() {
        super(null, null);
    }

    @Override
    public Uni<Void> publish(List<PendingEvent> events) {
        events.forEach(e -> sent.add(e.event()));
        return Uni.createFrom().voidItem();
    }
}
