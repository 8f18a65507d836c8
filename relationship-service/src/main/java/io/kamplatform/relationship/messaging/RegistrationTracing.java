package io.kamplatform.relationship.messaging;

import io.kamplatform.kit.tracing.RecordSpans;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Continues a CRM post's trace where account-service's AccountRegistered reaches this service: one span per learnt
 * registration, child of the writer's span the record carries as {@code ce_traceparent}, from receipt to the commit
 * (retries during an outage included), saying whether the account was new here. Records without that header (tracing
 * was off at the writer) get no span. With tracing off here the tracer is a no-op.
 */
@ApplicationScoped
public class RegistrationTracing {

    private final Tracer tracer;

    public RegistrationTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Runs {@code remember} (true when the account was new here) under the registration's span. */
    Uni<Boolean> traced(ConsumerRecord<String, String> record, String accountId, Supplier<Uni<Boolean>> remember) {
        Span span = RecordSpans.consumerSpan(tracer, "kam.account-registration " + AccountRegistrations.REGISTERED, record)
                .map(builder -> builder.setAttribute("kam.account.id", accountId)
                        .setAttribute("kam.event.type", AccountRegistrations.REGISTERED)
                        .startSpan())
                .orElse(null);
        if (span == null) {
            return remember.get();
        }
        return remember.get()
                .invoke(learnt -> span.setAttribute("kam.registration.outcome", learnt ? "LEARNT" : "ALREADY_KNOWN"))
                .onTermination().invoke((learnt, failure, cancelled) -> {
                    if (failure != null) {
                        span.recordException(failure);
                        span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
                    }
                    span.end();
                });
    }
}
