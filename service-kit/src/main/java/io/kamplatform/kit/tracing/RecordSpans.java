package io.kamplatform.kit.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Spans of the work a consumer does for one Kafka record, in the trace of the CRM post that produced it: the writer
 * sends that trace's context as the CloudEvents extension {@code ce_traceparent}. The connector's own tracing reads
 * the plain {@code traceparent} header the writers do not send, so consumers start their spans here instead.
 */
public final class RecordSpans {

    public static final String TRACEPARENT_HEADER = "ce_traceparent";

    private RecordSpans() {
    }

    /**
     * A CONSUMER span for work on the record, child of the writer's span the record names, with the OpenTelemetry
     * messaging attributes. Empty when the record carries no valid trace context (tracing was off at the writer):
     * one new trace per record would bury the traces that matter.
     */
    public static Optional<SpanBuilder> consumerSpan(Tracer tracer, String name, ConsumerRecord<?, ?> record) {
        Context parent = TraceParent.parent(header(record, TRACEPARENT_HEADER));
        if (!Span.fromContext(parent).getSpanContext().isValid()) {
            return Optional.empty();
        }
        SpanBuilder span = tracer.spanBuilder(name)
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.destination.partition.id", String.valueOf(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset());
        String eventId = header(record, "ce_id");
        if (eventId != null) {
            span.setAttribute("messaging.message.id", eventId);
        }
        return Optional.of(span);
    }

    /** The record's header as text, or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
