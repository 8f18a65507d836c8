package io.kamplatform.reporting.projection;

import io.kamplatform.reporting.store.IncomingFact;
import io.kamplatform.kit.messaging.ConsumerStalls;

import io.kamplatform.kit.messaging.InfrastructureRetry;
import io.kamplatform.reporting.store.FactStore;
import io.kamplatform.reporting.store.ProjectionResult;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Projects one record: read it, store it once with its stream position, count what happened. What happens on failure
 * decides whether an acknowledged event can be lost:
 * <ul>
 * <li>the infrastructure fails (database unreachable, restarting, failing over; see
 * {@link io.kamplatform.kit.messaging.InfrastructureFailures}) or does not answer within the attempt timeout: the same
 * record is tried again, with capped back-off, for as long as it takes — the topic's consumption pauses in order,
 * readiness says why, nothing is dead-lettered;</li>
 * <li>the record fails (unreadable, or rejected by the database for its content) or its processing fails for any
 * other reason: the message fails and goes to the dead-letter topic, where it can be replayed after a fix.</li>
 * </ul>
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
            "ConcessionGranted", "AccountPlanPublished", "ObjectiveSet", "ObjectiveProgressReported", "ObjectiveAchieved",
            "ObjectiveMissed", "ObjectiveDropped", "ActionPlanned", "ActionCompleted", "PlanReviewed");

    private final CloudEventRecordReader reader;
    private final FactStore store;
    private final ProjectionMetrics metrics;
    private final ConsumerStalls stalls;
    private final ProjectionConfig config;
    private final ProjectionLag lag;
    private final ProjectionTracing tracing;

    public FactProjector(CloudEventRecordReader reader, FactStore store, ProjectionMetrics metrics, ConsumerStalls stalls,
                         ProjectionConfig config, ProjectionLag lag, ProjectionTracing tracing) {
        this.lag = lag;
        this.tracing = tracing;
        this.reader = reader;
        this.store = store;
        this.metrics = metrics;
        this.stalls = stalls;
        this.config = config;
    }

    /** The consumers' path: waits out infrastructure failures; any other failure dead-letters the record. */
    public Uni<Void> project(ConsumerRecord<String, String> record) {
        return Uni.createFrom().deferred(() -> {
            Instant start = Instant.now();
            IncomingFact fact = read(record);
            return InfrastructureRetry.untilAvailable(() -> store.project(fact).ifNoItem().after(config.attemptTimeout())
                                    .failWith(() -> new TimeoutException("no answer from the database within " + config.attemptTimeout())),
                            config.retry().backOff(), stalls.listenerFor(record))
                    .invoke(result -> metrics.stored(fact, result))
                    .invoke(result -> tracing.projected(record, fact, result, start));
        }).replaceWithVoid();
    }

    /**
     * The consumers' path for a batch (one poll of one channel), first half: the batch's records read, nothing stored
     * yet. {@link #store} does the rest; {@link PollPipeline} reads a poll while the one before is stored.
     */
    ReadBatch read(KafkaRecordBatch<String, String> batch) {
        Instant start = Instant.now();
        List<KafkaRecord<String, String>> records = batch.getRecords();
        if (!records.isEmpty()) {
            metrics.batch(records.get(0).getTopic(), records.size());
        }
        List<IncomingFact> facts = new ArrayList<>(records.size());
        List<KafkaRecord<String, String>> readable = new ArrayList<>(records.size());
        List<Uni<Void>> deadLetters = new ArrayList<>();
        for (KafkaRecord<String, String> record : records) {
            try {
                facts.add(read(consumerRecord(record)));
                readable.add(record);
            } catch (RuntimeException unreadable) {
                deadLetters.add(Uni.createFrom().completionStage(() -> record.nack(unreadable)));
            }
        }
        return new ReadBatch(batch, start, facts, readable, deadLetters);
    }

    /**
     * The consumers' path for a batch, second half: the readable records are stored in one statement and transaction
     * ({@link FactStore#projectBatch}), waiting out infrastructure failures as {@link #project} does. Unreadable
     * records, and, when the database rejects the batch, the one record it rejects, are dead-lettered on their own:
     * the batch is then projected again one record at a time (each exactly once still), so valid records of a batch
     * never follow a poison one to the dead-letter topic. The batch is acknowledged after all of it.
     */
    Uni<Void> store(ReadBatch read) {
        List<IncomingFact> facts = read.facts();
        List<KafkaRecord<String, String>> readable = read.readable();
        Uni<Void> stored = facts.isEmpty() ? Uni.createFrom().voidItem()
                : InfrastructureRetry.untilAvailable(() -> store.projectBatch(facts).ifNoItem().after(config.attemptTimeout())
                                        .failWith(() -> new TimeoutException("no answer from the database within " + config.attemptTimeout())),
                                config.retry().backOff(), stalls.listenerFor(consumerRecord(readable.get(0))))
                        .invoke(results -> {
                            for (int i = 0; i < facts.size(); i++) {
                                metrics.stored(facts.get(i), results.get(i));
                                tracing.projected(consumerRecord(readable.get(i)), facts.get(i), results.get(i), read.start());
                            }
                        })
                        .replaceWithVoid()
                        .onFailure().recoverWithUni(rejected -> oneByOne(readable));
        Uni<Void> done = stored;
        for (Uni<Void> deadLetter : read.deadLetters()) {
            done = done.chain(() -> deadLetter);
        }
        KafkaRecordBatch<String, String> batch = read.batch();
        return done.chain(() -> Uni.createFrom().completionStage(batch::ack))
                .invoke(() -> batch.getRecords().forEach(r -> lag.stored(r.getTopic(), r.getPartition(), consumerRecord(r).offset())));
    }

    /** A batch read: its readable records with their facts, and the unreadable ones' dead-lettering, not yet run. */
    record ReadBatch(KafkaRecordBatch<String, String> batch, Instant start, List<IncomingFact> facts,
                     List<KafkaRecord<String, String>> readable, List<Uni<Void>> deadLetters) {
    }

    /** After the database rejected a batch: each record on its own; the one it rejects goes to the dead-letter topic. */
    private Uni<Void> oneByOne(List<KafkaRecord<String, String>> records) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (KafkaRecord<String, String> record : records) {
            chain = chain.chain(() -> project(consumerRecord(record))
                    .onFailure().recoverWithUni(failure -> Uni.createFrom().completionStage(() -> record.nack(failure))));
        }
        return chain;
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, String> consumerRecord(KafkaRecord<String, String> record) {
        return (ConsumerRecord<String, String>) record.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow()
                .getRecord();
    }

    /** One attempt, failing on any failure: for replaying dead letters, where the caller reports each outcome. */
    public Uni<ProjectionResult> projectOnce(ConsumerRecord<String, String> record) {
        return Uni.createFrom().deferred(() -> {
            IncomingFact fact = read(record);
            return store.project(fact).invoke(result -> metrics.stored(fact, result));
        });
    }

    private IncomingFact read(ConsumerRecord<String, String> record) {
        IncomingFact fact = reader.read(record);
        if (!KNOWN_TYPES.contains(fact.type())) {
            metrics.unknownType(fact.type());
        }
        return fact;
    }
}
