package io.kamplatform.reporting.projection;

import io.kamplatform.reporting.store.FactStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Projects one consumed record: read it (an unreadable record fails with {@link UnreadableRecordException}
 * and goes to the dead-letter topic), store it once with its stream position, count what happened. A database outage
 * is retried for about a minute before the record is failed.
 */
@ApplicationScoped
public class FactProjector {

    /** The types the reports understand; others are kept (for later models) and counted. */
    static final Set<String> KNOWN_TYPES = Set.of(
            "AccountRegistered", "AccountDetailsChanged", "SalesPotentialAssessed", "RevenueRecognized", "RevenueCorrected",
            "KeyAccountDesignated", "KeyAccountDesignationRevoked", "KeyAccountManagerAssigned", "AccountTeamMemberJoined",
            "AccountTeamMemberLeft", "ContactAdded", "ContactUpdated", "ContactLeft", "InteractionRecorded",
            "FollowUpCompleted", "ServiceRequestOpened", "ServiceRequestResolved", "ComplaintRaised", "ComplaintResolved",
            "CompetitorActivityObserved", "ContractSigned", "ContractRenewed", "ContractAmended", "ContractTerminated",
            "ConcessionGranted");

    private final CloudEventRecordReader reader;
    private final FactStore store;
    private final ProjectionMetrics metrics;
    private final MeterRegistry registry;

    public FactProjector(CloudEventRecordReader reader, FactStore store, ProjectionMetrics metrics, MeterRegistry registry) {
        this.reader = reader;
        this.store = store;
        this.metrics = metrics;
        this.registry = registry;
    }

    public Uni<Void> project(ConsumerRecord<String, String> record) {
        IncomingFact fact;
        try {
            fact = reader.read(record);
        } catch (UnreadableRecordException e) {
            registry.counter("kam.projection.dead.lettered", "topic", record.topic()).increment();
            return Uni.createFrom().failure(e);
        }
        if (!KNOWN_TYPES.contains(fact.type())) {
            metrics.unknownType(fact.type());
        }
        return store.project(fact)
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(15)
                .invoke(result -> metrics.stored(fact, result))
                .replaceWithVoid();
    }
}
