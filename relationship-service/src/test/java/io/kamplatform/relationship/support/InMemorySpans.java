package io.kamplatform.relationship.support;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The span exporter of the tests (quarkus.otel.traces.exporter=cdi, the default, takes exporters from CDI): finished
 * spans stay in memory for the assertions. Only used where a test profile switches the SDK on ({@link TracingOn}).
 */
@ApplicationScoped
public class InMemorySpans {

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }
}
