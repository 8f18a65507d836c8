package io.kamplatform.relationship.application;

import io.kamplatform.kit.decider.Decision;
import io.kamplatform.kit.problem.ProblemType;
import io.kamplatform.kit.recording.EventSubmission;
import io.kamplatform.kit.recording.RecordingOutcome;
import io.kamplatform.kit.recording.RecordingRules;
import io.kamplatform.kit.recording.StreamKind;
import io.kamplatform.relationship.domain.contract.Contract;
import io.kamplatform.relationship.domain.contract.ContractDecider;
import io.kamplatform.relationship.domain.contract.ContractEvent;
import io.kamplatform.relationship.domain.contract.RecordContractEvent;
import io.kamplatform.relationship.domain.relationship.RecordRelationshipEvent;
import io.kamplatform.relationship.domain.relationship.Relationship;
import io.kamplatform.relationship.domain.relationship.RelationshipDecider;
import io.kamplatform.relationship.domain.relationship.RelationshipEvent;
import io.kamplatform.relationship.store.EventFamily;
import io.kamplatform.relationship.store.KnownAccounts;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What relationship-service adds to the recorder template: an event is accepted only for an account known from
 * {@code kam.account.events} (looked up before the append; 422 {@code unknown-account} otherwise, before any stream
 * is read), and goes to one of two kinds of stream — the account's relationship record, decided by the
 * {@link RelationshipDecider}, or the contract it names, decided by the {@link ContractDecider}.
 */
final class RelationshipRecording implements RecordingRules<Object, Set<String>> {

    /** The account is not (yet) known from kam.account.events: register it in account-service first, then retry. */
    static final ProblemType UNKNOWN_ACCOUNT = ProblemType.of("unknown-account", "The account is not registered", 422);

    private final KnownAccounts knownAccounts;
    private final RelationshipStream relationships;
    private final ContractStream contracts;

    RelationshipRecording(KnownAccounts knownAccounts, RelationshipDecider relationshipDecider,
                          ContractDecider contractDecider) {
        this.knownAccounts = knownAccounts;
        this.relationships = new RelationshipStream(relationshipDecider);
        this.contracts = new ContractStream(contractDecider);
    }

    /** The submitted accounts that account-service registered. */
    @Override
    public Uni<Set<String>> lookUp(SqlConnection connection, List<EventSubmission<Object>> submissions) {
        return knownAccounts.knownAmong(connection,
                submissions.stream().map(EventSubmission::accountId).collect(Collectors.toSet()));
    }

    @Override
    public Optional<RecordingOutcome> refusal(EventSubmission<Object> submission, Set<String> known) {
        return known.contains(submission.accountId()) ? Optional.empty()
                : Optional.of(new RecordingOutcome.Refused(UNKNOWN_ACCOUNT, "account '" + submission.accountId()
                        + "' is not registered in account-service (or its registration has not arrived yet); "
                        + "register it there first and retry this request in a few seconds", "accountId",
                        "not a registered account"));
    }

    @Override
    public StreamKind<Object, ?> streamKind(EventSubmission<Object> submission, Set<String> known) {
        return switch (submission.event()) {
            case RelationshipEvent event -> relationships;
            case ContractEvent event -> contracts;
            default -> throw new IllegalArgumentException("not an event of this service: " + submission.event());
        };
    }

    /** An account's relationship record (stream {@code relationship/<accountId>}). */
    private record RelationshipStream(RelationshipDecider decider) implements StreamKind<Object, Relationship> {

        @Override
        public Relationship replay(String streamId, String subject, List<Object> history) {
            return Relationship.replay(subject, history.stream().map(RelationshipEvent.class::cast).toList());
        }

        @Override
        public long version(Relationship state) {
            return state.version();
        }

        @Override
        public Decision<RelationshipEvent> decide(Relationship state, EventSubmission<Object> submission, Instant now) {
            return decider.decide(state, new RecordRelationshipEvent(submission.accountId(),
                    (RelationshipEvent) submission.event(), submission.occurredAt()), now);
        }

        @Override
        public Relationship evolve(Relationship state, String subject, Object event) {
            return state.evolve((RelationshipEvent) event);
        }
    }

    /** One contract (stream {@code contract/<contractId>}); its account is the subject of its first event. */
    private record ContractStream(ContractDecider decider) implements StreamKind<Object, Contract> {

        @Override
        public Contract replay(String streamId, String subject, List<Object> history) {
            return Contract.replay(EventFamily.CONTRACT.idIn(streamId), subject,
                    history.stream().map(ContractEvent.class::cast).toList());
        }

        @Override
        public long version(Contract state) {
            return state.version();
        }

        @Override
        public Decision<ContractEvent> decide(Contract state, EventSubmission<Object> submission, Instant now) {
            return decider.decide(state, new RecordContractEvent(submission.accountId(),
                    (ContractEvent) submission.event(), submission.occurredAt()), now);
        }

        @Override
        public Contract evolve(Contract state, String subject, Object event) {
            return state.evolve(subject, (ContractEvent) event);
        }
    }
}
