package io.kamplatform.reporting.projection;

import io.kamplatform.kit.tracing.RecordSpans;
import io.kamplatform.reporting.store.IncomingFact;
import io.kamplatform.reporting.store.ProjectionResult;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Instant;

/**
 * Ends the trace of a CRM post where its event reaches the read models: one span per projected record, a child of
 * the writer's request whose context the record carries as {@code ce_traceparent} (the CloudEvents distributed-tracing
 * extension), from the start of the record's batch to its commit. Records without that header (tracing was off at
 * the writer) get no span, rather than one new trace per record. With tracing off here the tracer is a no-op.
 */
@ApplicationScoped
public class ProjectionTracing {

    private final Tracer tracer;

    public ProjectionTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    public void projected(ConsumerRecord<String, String> record, IncomingFact fact, ProjectionResult result, Instant start) {
        RecordSpans.consumerSpan(tracer, "kam.projection " + fact.type(), record).ifPresent(span -> span
                .setStartTimestamp(start)
                .setAttribute("messaging.message.id", fact.eventId())
                .setAttribute("kam.account.id", fact.accountId())
                .setAttribute("kam.event.type", fact.type())
                .setAttribute("kam.projection.outcome", result.outcome().name())
                .startSpan()
                .end());
    }
}
