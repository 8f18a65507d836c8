package io.kamplatform.reporting.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kamplatform.reporting.projection.TracingOn;
import io.kamplatform.reporting.support.Fixtures;
import io.kamplatform.reporting.support.Publisher;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * A replayed dead letter stays in the trace of the post it carries: the replay span is a child of the writer's span
 * (ce_traceparent on the dead letter), linked to the operator's replay request, and says what the projection did.
 */
@QuarkusTest
@TestProfile(TracingOn.class)
class DeadLetterReplayTracingTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aReplayContinuesTheTraceOfThePostTheDeadLetterCarries() {
        String traceId = hex(16);
        String writerSpanId = hex(8);
        String accountId = Publisher.newAccountId();
        try (Publisher publisher = new Publisher()) {
            ProducerRecord<String, String> letter = new ProducerRecord<>(DeadLetterReplayTest.DLQ, accountId,
                    Fixtures.contractSigned("K-TRACE", "2026-01-01", "2027-12-31", false));
            DeadLetterReplayTest.cloudEvent(letter, "evt-" + UUID.randomUUID(), "ContractSigned");
            Publisher.header(letter, "ce_traceparent", "00-" + traceId + "-" + writerSpanId + "-01");
            Publisher.header(letter, "dead-letter-reason", "database \"reporting\" is not currently accepting connections");
            Publisher.header(letter, "dead-letter-topic", Fixtures.CONTRACTS);
            publisher.send(letter);
        }

        DeadLetterReplayTest.replay();

        SpanData replay = await().atMost(Duration.ofSeconds(10))
                .until(() -> span("kam.dead-letter.replay ContractSigned", accountId), Optional::isPresent).get();
        assertThat(replay.getTraceId()).isEqualTo(traceId);
        assertThat(replay.getParentSpanId()).isEqualTo(writerSpanId);
        assertThat(replay.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(replay.getAttributes().get(AttributeKey.stringKey("messaging.destination.name"))).isEqualTo(DeadLetterReplayTest.DLQ);
        assertThat(replay.getAttributes().get(AttributeKey.stringKey("kam.replay.outcome"))).isEqualTo("PROJECTED");
        assertThat(replay.getAttributes().get(AttributeKey.stringKey("kam.dead_letter.reason"))).contains("not currently accepting");

        SpanData request = spans.getFinishedSpanItems().stream()
                .filter(s -> s.getKind() == SpanKind.SERVER && s.getName().contains("/api/admin/dead-letters/replay"))
                .reduce((first, last) -> last).orElseThrow();
        assertThat(replay.getLinks()).extracting(LinkData::getSpanContext)
                .anySatisfy(linked -> assertThat(linked.getSpanId()).isEqualTo(request.getSpanId()));
    }

    private Optional<SpanData> span(String name, String accountId) {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals(name))
                .filter(s -> accountId.equals(s.getAttributes().get(AttributeKey.stringKey("kam.account.id"))))
                .findFirst();
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1; // never all zeros (an invalid id)
        return HexFormat.of().formatHex(b);
    }
}
