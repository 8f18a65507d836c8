package io.kamplatform.relationship.application;

import io.kamplatform.kit.store.ConcurrentAppendException;
import io.kamplatform.kit.store.EventStore;
import io.kamplatform.kit.store.NewEvent;
import io.kamplatform.kit.store.StoredEvent;
import io.kamplatform.relationship.domain.Decision;
import io.kamplatform.relationship.domain.contract.Contract;
import io.kamplatform.relationship.domain.contract.ContractDecider;
import io.kamplatform.relationship.domain.contract.ContractEvent;
import io.kamplatform.relationship.domain.contract.RecordContractEvent;
import io.kamplatform.relationship.domain.relationship.RecordRelationshipEvent;
import io.kamplatform.relationship.domain.relationship.Relationship;
import io.kamplatform.relationship.domain.relationship.RelationshipDecider;
import io.kamplatform.relationship.domain.relationship.RelationshipEvent;
import io.kamplatform.relationship.store.EventCodec;
import io.kamplatform.relationship.store.KnownAccounts;
import io.kamplatform.relationship.store.RelationshipEventType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Records submissions — load the target streams, check the account is known, decide, append — in one
 * transaction per call, for one event or a whole batch. All reads happen before the single append, so a
 * transaction that appends to a stream has a newer transaction id than the events it read (the outbox
 * relay's per-account order depends on it).
 */
@ApplicationScoped
public class RelationshipEventRecorder {

    static final int CONCURRENCY_RETRIES = 10;

    private final Pool pool;
    private final EventStore store;
    private final EventCodec codec;
    private final KnownAccounts knownAccounts;
    private final RelationshipDecider relationshipDecider;
    private final ContractDecider contractDecider;
    private final Clock clock;

    public RelationshipEventRecorder(Pool pool, EventStore store, EventCodec codec, KnownAccounts knownAccounts,
                                     RelationshipDecider relationshipDecider, ContractDecider contractDecider, Clock clock) {
        this.pool = pool;
        this.store = store;
        this.codec = codec;
        this.knownAccounts = knownAccounts;
        this.relationshipDecider = relationshipDecider;
        this.contractDecider = contractDecider;
        this.clock = clock;
    }

    public Uni<RecordingOutcome> record(EventSubmission submission) {
        return recordAll(List.of(submission)).map(outcomes -> outcomes.get(0));
    }

    /** One outcome per submission, in order. Refused items do not stop the others. */
    public Uni<List<RecordingOutcome>> recordAll(List<EventSubmission> submissions) {
        return pool.withTransaction(connection -> recordIn(connection, submissions))
                .onFailure(ConcurrentAppendException.class).retry()
                .withBackOff(Duration.ofMillis(2), Duration.ofMillis(100)).withJitter(0.5)
                .atMost(CONCURRENCY_RETRIES);
    }

    private Uni<List<RecordingOutcome>> recordIn(SqlConnection connection, List<EventSubmission> submissions) {
        Set<String> eventIds = submissions.stream().map(EventSubmission::eventId).collect(Collectors.toSet());
        Set<String> streamIds = submissions.stream().map(EventSubmission::streamId).collect(Collectors.toSet());
        Set<String> accountIds = submissions.stream().map(EventSubmission::accountId).collect(Collectors.toSet());
        return store.findByEventIds(connection, eventIds).flatMap(existing ->
                store.loadStreams(connection, streamIds).flatMap(history ->
                        knownAccounts.knownAmong(connection, accountIds).flatMap(known -> {
                            Batch batch = new Batch(existing, new StreamStates(history, codec), known);
                            submissions.forEach(batch::decide);
                            return store.append(connection, batch.pending).map(batch::outcomes);
                        })));
    }

    /** The decisions of one transaction. */
    private final class Batch {
        private final Map<String, StoredEvent> existingById;
        private final StreamStates states;
        private final Set<String> knownAccountIds;
        private final Map<String, EventSubmission> acceptedById = new HashMap<>();
        private final List<NewEvent> pending = new ArrayList<>();
        private final List<Object> results = new ArrayList<>();
        private final Instant now = clock.instant();

        Batch(List<StoredEvent> existing, StreamStates states, Set<String> knownAccountIds) {
            this.existingById = existing.stream().collect(Collectors.toMap(StoredEvent::eventId, Function.identity()));
            this.states = states;
            this.knownAccountIds = knownAccountIds;
        }

        void decide(EventSubmission submission) {
            StoredEvent earlier = existingById.get(submission.eventId());
            if (earlier != null) {
                results.add(sameContent(earlier.requestHash(), earlier.subject(), submission)
                        ? new RecordingOutcome.Replayed(earlier) : new RecordingOutcome.EventIdReused(submission.eventId()));
                return;
            }
            EventSubmission inBatch = acceptedById.get(submission.eventId());
            if (inBatch != null) {
                // A duplicate within the same batch answers like a retry of the first occurrence.
                results.add(sameContent(inBatch.requestHash(), inBatch.accountId(), submission)
                        ? inBatch.eventId() : new RecordingOutcome.EventIdReused(submission.eventId()));
                return;
            }
            if (!knownAccountIds.contains(submission.accountId())) {
                results.add(new RecordingOutcome.UnknownAccount(submission.accountId()));
                return;
            }
            switch (submission.event()) {
                case RelationshipEvent event -> decideRelationship(submission, event);
                case ContractEvent event -> decideContract(submission, event);
                default -> throw new IllegalArgumentException("not an event of this service: " + submission.event());
            }
        }

        private void decideRelationship(EventSubmission submission, RelationshipEvent event) {
            Relationship state = states.relationship(submission.streamId(), submission.accountId());
            if (stale(submission, state.version())) {
                return;
            }
            Decision<RelationshipEvent> decision = relationshipDecider.decide(state,
                    new RecordRelationshipEvent(submission.accountId(), event, submission.occurredAt()), now);
            switch (decision) {
                case Decision.Rejected<RelationshipEvent> rejected -> results.add(new RecordingOutcome.Rejected(rejected.rejection()));
                case Decision.Accepted<RelationshipEvent> accepted -> {
                    Relationship next = state;
                    for (RelationshipEvent e : accepted.events()) {
                        next = next.evolve(e);
                        stage(submission, e, next.version());
                    }
                    states.put(submission.streamId(), next);
                    accepted(submission);
                }
            }
        }

        private void decideContract(EventSubmission submission, ContractEvent event) {
            Contract state = states.contract(submission.streamId(), event.contractId());
            if (stale(submission, state.version())) {
                return;
            }
            Decision<ContractEvent> decision = contractDecider.decide(state,
                    new RecordContractEvent(submission.accountId(), event, submission.occurredAt()), now);
            switch (decision) {
                case Decision.Rejected<ContractEvent> rejected -> results.add(new RecordingOutcome.Rejected(rejected.rejection()));
                case Decision.Accepted<ContractEvent> accepted -> {
                    Contract next = state;
                    for (ContractEvent e : accepted.events()) {
                        next = next.evolve(submission.accountId(), e);
                        stage(submission, e, next.version());
                    }
                    states.put(submission.streamId(), next);
                    accepted(submission);
                }
            }
        }

        private boolean stale(EventSubmission submission, long currentVersion) {
            if (submission.expectedVersion() != null && submission.expectedVersion() != currentVersion) {
                results.add(new RecordingOutcome.VersionConflict(submission.expectedVersion(), currentVersion));
                return true;
            }
            return false;
        }

        private void stage(EventSubmission submission, Object event, long version) {
            pending.add(new NewEvent(submission.eventId(), submission.streamId(), submission.accountId(), version,
                    RelationshipEventType.of(event).typeName(), RelationshipEventType.CURRENT_SCHEMA_VERSION,
                    codec.encode(event), submission.occurredAt().atOffset(ZoneOffset.UTC), submission.requestHash()));
        }

        private void accepted(EventSubmission submission) {
            acceptedById.put(submission.eventId(), submission);
            results.add(submission);
        }

        List<RecordingOutcome> outcomes(List<StoredEvent> appended) {
            Map<String, StoredEvent> appendedById = appended.stream()
                    .collect(Collectors.toMap(StoredEvent::eventId, Function.identity()));
            List<RecordingOutcome> outcomes = new ArrayList<>(results.size());
            for (Object result : results) {
                switch (result) {
                    case RecordingOutcome outcome -> outcomes.add(outcome);
                    case EventSubmission accepted -> outcomes.add(new RecordingOutcome.Recorded(appendedById.get(accepted.eventId())));
                    case String firstOccurrence -> outcomes.add(new RecordingOutcome.Replayed(appendedById.get(firstOccurrence)));
                    default -> throw new IllegalStateException("unexpected " + result);
                }
            }
            return outcomes;
        }

        private static boolean sameContent(String hash, String accountId, EventSubmission submission) {
            return hash.equals(submission.requestHash()) && accountId.equals(submission.accountId());
        }
    }
}
