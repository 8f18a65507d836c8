package io.kamplatform.reporting.deadletter;

import io.kamplatform.kit.tracing.RecordSpans;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Puts a dead letter's replay in the trace of the CRM post it carries: a replay span, child of the writer's span named
 * by the record's {@code ce_traceparent} and linked to the operator's replay request (another trace), with the
 * projection's outcome. A dead letter without a trace context is replayed untraced, as the consumers project it.
 */
@ApplicationScoped
public class ReplayTracing {

    /** The span of one record's replay; invalid (every call a no-op) when the record carries no trace. */
    public record TracedReplay(Span span) {

        /** Makes the replay span current while the record is projected, so any span the projection starts is its child. */
        Scope activate() {
            return span.getSpanContext().isValid() ? span.makeCurrent() : Scope.noop();
        }

        void replayed(String outcome) {
            span.setAttribute("kam.replay.outcome", outcome);
            span.end();
        }

        void failed(RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            span.end();
        }
    }

    private final Tracer tracer;

    public ReplayTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Starts the replay span of a record read from a dead-letter topic. */
    TracedReplay replaying(ConsumerRecord<String, String> deadLetter, DeadLetter letter) {
        Span request = Span.current();
        return new TracedReplay(RecordSpans.consumerSpan(tracer, "kam.dead-letter.replay " + letter.type(), deadLetter)
                .map(builder -> {
                    if (request.getSpanContext().isValid()) {
                        builder.addLink(request.getSpanContext());
                    }
                    // Absent (null) values are left out by OpenTelemetry.
                    return builder.setAttribute("kam.account.id", deadLetter.key())
                            .setAttribute("kam.event.type", letter.type())
                            .setAttribute("kam.dead_letter.reason", letter.reason())
                            .startSpan();
                })
                .orElse(Span.getInvalid()));
    }
}
