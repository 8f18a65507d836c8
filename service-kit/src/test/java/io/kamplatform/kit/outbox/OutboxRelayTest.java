package io.kamplatform.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.kamplatform.kit.store.StoredEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The relay's ordering and its per-pass invariant, without infrastructure. */
class OutboxRelayTest {

    InMemoryOutboxStore store;
    RecordingPublisher kafka;
    SimpleMeterRegistry metrics;
    OutboxStatus status;
    OutboxRelay relay;

    @BeforeEach
    void relay() {
        store = new InMemoryOutboxStore();
        kafka = new RecordingPublisher();
        metrics = new SimpleMeterRegistry();
        status = new OutboxStatus(metrics);
        relay = new OutboxRelay(null, store, kafka, status, 3, 0);
    }

    @Test
    void publishesInNumericTransactionOrderAcrossAPowerOfTen() {
        store.append(1000, 4, "A", 3);
        store.append(998, 1, "A", 1);
        store.append(1001, 2, "B", 1);
        store.append(999, 3, "A", 2);

        drain();

        assertThat(kafka.sent).extracting(StoredEvent::position).containsExactly(1L, 3L, 4L, 2L);
        assertThat(store.last).isEqualTo(new PublicationPoint("1001", 2));
        assertThat(store.publishedEvents).isEqualTo(4);
        assertThat(metrics.counter("kam.outbox.published").count()).isEqualTo(4);
        assertThat(metrics.summary("kam.outbox.pass.events").count()).as("a full batch of 3, then 1").isEqualTo(2);
        assertThat(metrics.summary("kam.outbox.pass.events").totalAmount()).isEqualTo(4);
    }

    @Test
    void haltsInsteadOfSteppingOverCommittedEventsWhenABatchIsNotTheNextRowsInOrder() {
        store.append(998, 1, "A", 1);
        store.append(999, 2, "A", 2);
        store.append(1000, 3, "B", 1);
        store.sortsTransactionIdsAsText = true; // the old query: "1000" sorts before "998"

        drain();

        assertThat(kafka.sent).as("nothing published past unpublished events").isEmpty();
        assertThat(store.last).isEqualTo(PublicationPoint.START);
        assertThat(status.healthy()).isFalse();
        assertThat(status.violation()).contains("would pass 2 committed events, but the batch holds 3");
        assertThat(readiness().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(metrics.counter("kam.outbox.invariant.violations", "check", "pass").count()).isEqualTo(1);

        store.sortsTransactionIdsAsText = false;
        drain();

        assertThat(kafka.sent).extracting(StoredEvent::position).containsExactly(1L, 2L, 3L);
        assertThat(status.healthy()).isTrue();
        assertThat(readiness().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void aRepeatedViolationIsCountedOnce() {
        store.append(998, 1, "A", 1);
        store.append(1000, 2, "B", 1);
        store.sortsTransactionIdsAsText = true;

        drain();
        drain();

        assertThat(metrics.counter("kam.outbox.invariant.violations", "check", "pass").count()).isEqualTo(1);
    }

    @Test
    void anAuditGapKeepsReadinessDownUntilRepaired() {
        status.gapFound(12);
        assertThat(readiness().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(readiness().getData().orElseThrow()).containsEntry("unpublishedBehindCheckpoint", 12L);

        status.audited(new OutboxAuditResult(null, PublicationPoint.START, 12, 0, 12, OutboxAuditResult.Outcome.REPAIRED));
        assertThat(readiness().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void pointsCompareTransactionIdsAsNumbers() {
        PublicationPoint before = new PublicationPoint("99999", 7);
        PublicationPoint after = new PublicationPoint("100000", 1);
        assertThat(PublicationPoint.earliest(after, before)).isEqualTo(before);
        assertThat(PublicationPoint.earliest(before, after)).isEqualTo(before);
        assertThat(PublicationPoint.earliest(new PublicationPoint("5", 2), new PublicationPoint("5", 1)).position()).isEqualTo(1);
    }

    private void drain() {
        while (relay.publishNext(null).await().indefinitely() > 0) {
            // until a pass publishes nothing
        }
    }

    private HealthCheckResponse readiness() {
        return new OutboxReadiness(status).call();
    }

}
