package io.kamplatform.reporting.projection;

import io.kamplatform.reporting.support.Fixtures;
import io.kamplatform.reporting.support.Publisher;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The projection continues the writer's trace: a record carrying ce_traceparent is projected under a span of that
 * trace, child of the writer's span, naming the event; a record without it starts no trace of its own.
 */
@QuarkusTest
@TestProfile(TracingOn.class)
class ProjectionTracingTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aRecordsTraceIdIsOnItsProjectionSpan() {
        String traceId = hex(16);
        String writerSpanId = hex(8);
        String accountId = Publisher.newAccountId();
        ProducerRecord<String, String> traced = Publisher.record(accountId, "AccountRegistered", "2026-03-01T09:00:00Z",
                Fixtures.registered("Traced AG"));
        Publisher.header(traced, "ce_traceparent", "00-" + traceId + "-" + writerSpanId + "-01");
        String untracedAccount = Publisher.newAccountId();
        ProducerRecord<String, String> untraced = Publisher.record(untracedAccount, "AccountRegistered", "2026-03-01T09:00:00Z",
                Fixtures.registered("Untraced AG"));

        try (Publisher publisher = new Publisher()) {
            publisher.send(traced);
            publisher.send(untraced);
        }

        SpanData projection = await().atMost(Duration.ofSeconds(30)).until(() -> spanOf(accountId), Optional::isPresent).get();
        assertThat(projection.getTraceId()).isEqualTo(traceId);
        assertThat(projection.getParentSpanId()).isEqualTo(writerSpanId);
        assertThat(projection.getName()).isEqualTo("kam.projection AccountRegistered");
        assertThat(projection.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(projection.getAttributes().get(AttributeKey.stringKey("messaging.message.id"))).isEqualTo(header(traced, "ce_id"));
        assertThat(projection.getAttributes().get(AttributeKey.stringKey("kam.projection.outcome"))).isEqualTo("PROJECTED");

        // Both records went through the same consumer; by the time the traced one is exported, the other is projected.
        await().atMost(Duration.ofSeconds(10)).until(() -> spanOf(accountId).isPresent());
        assertThat(spanOf(untracedAccount)).isEmpty();
    }

    private Optional<SpanData> spanOf(String accountId) {
        List<SpanData> finished = spans.getFinishedSpanItems();
        return finished.stream()
                .filter(s -> accountId.equals(s.getAttributes().get(AttributeKey.stringKey("kam.account.id"))))
                .findFirst();
    }

    private static String header(ProducerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1; // never all zeros (an invalid id)
        return HexFormat.of().formatHex(b);
    }
}
