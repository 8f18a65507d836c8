package io.kamplatform.kit.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RecordSpansTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String WRITER_SPAN = "00f067aa0ba902b7";

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final Tracer tracer = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exported)).build()
            .get("test");

    @Test
    void aRecordsSpanContinuesTheWritersTrace() {
        ConsumerRecord<String, String> record = record("00-" + TRACE + "-" + WRITER_SPAN + "-01");
        record.headers().add("ce_id", "evt-1".getBytes(StandardCharsets.UTF_8));

        RecordSpans.consumerSpan(tracer, "kam.test", record).orElseThrow().startSpan().end();

        SpanData span = exported.getFinishedSpanItems().get(0);
        assertThat(span.getTraceId()).isEqualTo(TRACE);
        assertThat(span.getParentSpanId()).isEqualTo(WRITER_SPAN);
        assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(span.getAttributes().get(AttributeKey.stringKey("messaging.destination.name"))).isEqualTo("kam.account.events");
        assertThat(span.getAttributes().get(AttributeKey.longKey("messaging.kafka.offset"))).isEqualTo(42L);
        assertThat(span.getAttributes().get(AttributeKey.stringKey("messaging.message.id"))).isEqualTo("evt-1");
    }

    @Test
    void aRecordWithoutOrWithABrokenTraceContextGetsNoSpan() {
        assertThat(RecordSpans.consumerSpan(tracer, "kam.test", record(null))).isEmpty();
        assertThat(RecordSpans.consumerSpan(tracer, "kam.test", record("00-not-a-trace-01"))).isEmpty();
        assertThat(RecordSpans.consumerSpan(tracer, "kam.test", record("00-" + "0".repeat(32) + "-" + WRITER_SPAN + "-01"))).isEmpty();
    }

    private static ConsumerRecord<String, String> record(String traceParent) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("kam.account.events", 3, 42L, "ACME-1", "{}");
        if (traceParent != null) {
            record.headers().add(RecordSpans.TRACEPARENT_HEADER, traceParent.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
