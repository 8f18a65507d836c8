package io.kamplatform.relationship.application;

import io.kamplatform.kit.problem.ProblemType;
import io.kamplatform.kit.recording.DecisionBatch;
import io.kamplatform.kit.recording.RecordingOutcome;
import io.kamplatform.kit.recording.RecordingTransaction;
import io.kamplatform.kit.store.EventStore;
import io.kamplatform.kit.store.NewEvent;
import io.kamplatform.kit.store.StoredEvent;
import io.kamplatform.relationship.domain.Decision;
import io.kamplatform.relationship.domain.Rejection;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Records submissions — load the target streams, check the account is known, decide, append — in one
 * transaction per call, for one event or a whole batch. All reads happen before the single append, so a
 * transaction that appends to a stream has a newer transaction id than the events it read (the outbox
 * relay's per-account order depends on it).
 */
@ApplicationScoped
public class RelationshipEventRecorder {

    /** The account is not (yet) known from kam.account.events: register it in account-service first, then retry. */
    public static final ProblemType UNKNOWN_ACCOUNT = ProblemType.of("unknown-account", "The account is not registered", 422);

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
        return RecordingTransaction.run(pool, connection -> recordIn(connection, submissions));
    }

    private Uni<List<RecordingOutcome>> recordIn(SqlConnection connection, List<EventSubmission> submissions) {
        Set<String> eventIds = submissions.stream().map(EventSubmission::eventId).collect(Collectors.toSet());
        Set<String> streamIds = submissions.stream().map(EventSubmission::streamId).collect(Collectors.toSet());
        Set<String> accountIds = submissions.stream().map(EventSubmission::accountId).collect(Collectors.toSet());
        return store.findByEventIds(connection, eventIds).flatMap(existing ->
                store.loadStreams(connection, streamIds).flatMap(history ->
                        knownAccounts.knownAmong(connection, accountIds).flatMap(known -> {
                            Decisions decisions = new Decisions(existing, new StreamStates(history, codec), known);
                            submissions.forEach(decisions::decide);
                            return store.append(connection, decisions.batch.pending()).map(decisions.batch::outcomes);
                        })));
    }

    /** The decisions of one transaction, with the state each stream reaches along the way. */
    private final class Decisions {
        private final DecisionBatch<EventSubmission> batch;
        private final StreamStates states;
        private final Set<String> knownAccountIds;
        private final Instant now = clock.instant();

        Decisions(List<StoredEvent> existing, StreamStates states, Set<String> knownAccountIds) {
            this.batch = new DecisionBatch<>(existing);
            this.states = states;
            this.knownAccountIds = knownAccountIds;
        }

        void decide(EventSubmission submission) {
            if (batch.answeredByIdempotency(submission)) {
                return;
            }
            if (!knownAccountIds.contains(submission.accountId())) {
                batch.refuse(new RecordingOutcome.Refused(UNKNOWN_ACCOUNT, "account '" + submission.accountId()
                        + "' is not registered in account-service (or its registration has not arrived yet); "
                        + "register it there first and retry this request in a few seconds", "accountId",
                        "not a registered account"));
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
            if (batch.staleVersion(submission, state.version())) {
                return;
            }
            switch (relationshipDecider.decide(state,
                    new RecordRelationshipEvent(submission.accountId(), event, submission.occurredAt()), now)) {
                case Decision.Rejected<RelationshipEvent> rejected -> batch.refuse(rejected(rejected.rejection()));
                case Decision.Accepted<RelationshipEvent> accepted -> {
                    Relationship next = state;
                    List<NewEvent> appended = new ArrayList<>();
                    for (RelationshipEvent e : accepted.events()) {
                        next = next.evolve(e);
                        appended.add(newEvent(submission, e, next.version()));
                    }
                    states.put(submission.streamId(), next);
                    batch.accept(submission, appended);
                }
            }
        }

        private void decideContract(EventSubmission submission, ContractEvent event) {
            Contract state = states.contract(submission.streamId(), event.contractId());
            if (batch.staleVersion(submission, state.version())) {
                return;
            }
            switch (contractDecider.decide(state,
                    new RecordContractEvent(submission.accountId(), event, submission.occurredAt()), now)) {
                case Decision.Rejected<ContractEvent> rejected -> batch.refuse(rejected(rejected.rejection()));
                case Decision.Accepted<ContractEvent> accepted -> {
                    Contract next = state;
                    List<NewEvent> appended = new ArrayList<>();
                    for (ContractEvent e : accepted.events()) {
                        next = next.evolve(submission.accountId(), e);
                        appended.add(newEvent(submission, e, next.version()));
                    }
                    states.put(submission.streamId(), next);
                    batch.accept(submission, appended);
                }
            }
        }

        private NewEvent newEvent(EventSubmission submission, Object event, long version) {
            return new NewEvent(submission.eventId(), submission.streamId(), submission.accountId(), version,
                    RelationshipEventType.of(event).typeName(), RelationshipEventType.CURRENT_SCHEMA_VERSION,
                    codec.encode(event), submission.occurredAt().atOffset(ZoneOffset.UTC), submission.requestHash());
        }

        private static RecordingOutcome rejected(Rejection rejection) {
            return new RecordingOutcome.Rejected(rejection.code(), rejection.message(), rejection.field());
        }
    }
}
