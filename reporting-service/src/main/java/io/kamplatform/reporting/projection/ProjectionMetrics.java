package io.kamplatform.reporting.projection;

import io.kamplatform.reporting.store.IncomingFact;
import io.kamplatform.reporting.store.ProjectionResult;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Counts what each stored record did (kam.projection.projected, .duplicates, .version.conflicts, .unknown.types) and
 * says it where an operator must act: a reused stream version is an ERROR (a producer's history disagrees with itself).
 */
@ApplicationScoped
public class ProjectionMetrics {

    private static final Logger LOG = Logger.getLogger(ProjectionMetrics.class);

    private final MeterRegistry registry;
    private final GapGauges gauges;

    public ProjectionMetrics(MeterRegistry registry, GapGauges gauges) {
        this.registry = registry;
        this.gauges = gauges;
    }

    /** One consumed batch (one poll of one channel) of {@code records} records. */
    void batch(String topic, int records) {
        io.micrometer.core.instrument.DistributionSummary.builder("kam.projection.batch.records")
                .description("Records per consumed batch, stored in one transaction").tag("topic", topic)
                .register(registry).record(records);
    }

    void unknownType(String type) {
        registry.counter("kam.projection.unknown.types", "type", type).increment();
    }

    void stored(IncomingFact fact, ProjectionResult result) {
        switch (result.outcome()) {
            case PROJECTED -> registry.counter("kam.projection.projected", "topic", fact.topic()).increment();
            case DUPLICATE -> registry.counter("kam.projection.duplicates", "topic", fact.topic()).increment();
            case VERSION_CONFLICT -> {
                registry.counter("kam.projection.version.conflicts", "topic", fact.topic()).increment();
                LOG.errorf("Stream version reused: event %s from %s claims version %d of stream %s, which event %s already "
                        + "holds; the first is kept and this one is not projected (%s-%d@%d, recorded in "
                        + "stream_version_conflicts)", fact.eventId(), fact.source(), fact.streamVersion(), fact.streamId(),
                        result.keptEventId(), fact.topic(), fact.partition(), fact.offset());
            }
        }
        if (result.gapsChanged()) {
            gauges.refresh();
        }
    }
}
