package io.kamplatform.account.application;

import io.kamplatform.account.domain.Account;
import io.kamplatform.account.domain.AccountDecider;
import io.kamplatform.account.domain.AccountEvent;
import io.kamplatform.account.domain.AccountRegistered;
import io.kamplatform.account.domain.Decision;
import io.kamplatform.account.domain.RecordAccountEvent;
import io.kamplatform.account.store.AccountEventType;
import io.kamplatform.account.store.EventCodec;
import io.kamplatform.kit.recording.DecisionBatch;
import io.kamplatform.kit.recording.RecordingOutcome;
import io.kamplatform.kit.recording.RecordingTransaction;
import io.kamplatform.kit.store.EventStore;
import io.kamplatform.kit.store.NewEvent;
import io.kamplatform.kit.store.StoredEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Records submissions: load the streams, decide, append — in one transaction per call, for one event or a
 * whole batch. All reads happen before the single append statement, so a transaction that appends to a
 * stream always has a newer transaction id than the events it read; the outbox relay depends on that for
 * per-account order.
 */
@ApplicationScoped
public class AccountEventRecorder {

    static final String REGISTRATION = AccountEventType.ACCOUNT_REGISTERED.typeName();

    private final Pool pool;
    private final EventStore store;
    private final EventCodec codec;
    private final AccountDecider decider;
    private final Clock clock;

    public AccountEventRecorder(Pool pool, EventStore store, EventCodec codec, AccountDecider decider, Clock clock) {
        this.pool = pool;
        this.store = store;
        this.codec = codec;
        this.decider = decider;
        this.clock = clock;
    }

    public Uni<RecordingOutcome> record(EventSubmission submission) {
        return recordAll(List.of(submission)).map(outcomes -> outcomes.get(0));
    }

    /** One outcome per submission, in order. Rejected items do not stop the others. */
    public Uni<List<RecordingOutcome>> recordAll(List<EventSubmission> submissions) {
        return RecordingTransaction.run(pool, connection -> recordIn(connection, submissions));
    }

    private Uni<List<RecordingOutcome>> recordIn(SqlConnection connection, List<EventSubmission> submissions) {
        Set<String> eventIds = submissions.stream().map(EventSubmission::eventId).collect(Collectors.toSet());
        Set<String> accountIds = submissions.stream().map(EventSubmission::accountId).collect(Collectors.toSet());
        Set<String> parentIds = submissions.stream()
                .map(s -> s.event() instanceof AccountRegistered r ? r.parentAccountId() : null)
                .filter(id -> id != null).collect(Collectors.toSet());
        return store.findByEventIds(connection, eventIds).flatMap(existing ->
                store.loadStreams(connection, accountIds).flatMap(history ->
                        store.streamsWithEventType(connection, parentIds, REGISTRATION).flatMap(registeredParents -> {
                            Decisions decisions = new Decisions(existing, history, registeredParents);
                            submissions.forEach(decisions::decide);
                            return store.append(connection, decisions.batch.pending()).map(decisions.batch::outcomes);
                        })));
    }

    /** The decisions of one transaction, with the state each account reaches along the way. */
    private final class Decisions {
        private final DecisionBatch<EventSubmission> batch;
        private final Map<String, Account> states = new HashMap<>();
        private final Set<String> registered;
        private final Instant now = clock.instant();

        Decisions(List<StoredEvent> existing, List<StoredEvent> history, List<String> registeredParents) {
            this.batch = new DecisionBatch<>(existing);
            this.registered = new HashSet<>(registeredParents);
            Map<String, List<AccountEvent>> streams = new HashMap<>();
            for (StoredEvent stored : history) {
                streams.computeIfAbsent(stored.streamId(), id -> new ArrayList<>()).add(codec.decode(stored));
            }
            streams.forEach((id, events) -> states.put(id, Account.replay(id, events)));
        }

        void decide(EventSubmission submission) {
            if (batch.answeredByIdempotency(submission)) {
                return;
            }
            Account state = states.computeIfAbsent(submission.accountId(), Account::initial);
            if (batch.staleVersion(submission, state.version())) {
                return;
            }
            boolean parentRegistered = submission.event() instanceof AccountRegistered r
                    && r.parentAccountId() != null && registered.contains(r.parentAccountId());
            RecordAccountEvent command = new RecordAccountEvent(submission.accountId(), submission.event(),
                    submission.occurredAt(), parentRegistered);
            switch (decider.decide(state, command, now)) {
                case Decision.Rejected rejected -> batch.refuse(new RecordingOutcome.Rejected(rejected.rejection().code(),
                        rejected.rejection().message(), rejected.rejection().field()));
                case Decision.Accepted accepted -> accept(submission, state, accepted.events());
            }
        }

        private void accept(EventSubmission submission, Account state, List<AccountEvent> events) {
            Account next = state;
            List<NewEvent> appended = new ArrayList<>();
            for (AccountEvent event : events) {
                next = next.evolve(event);
                appended.add(new NewEvent(submission.eventId(), submission.accountId(), submission.accountId(),
                        next.version(), AccountEventType.of(event).typeName(), AccountEventType.CURRENT_SCHEMA_VERSION,
                        codec.encode(event), submission.occurredAt().atOffset(ZoneOffset.UTC), submission.requestHash()));
                if (event instanceof AccountRegistered) {
                    registered.add(submission.accountId());
                }
            }
            states.put(submission.accountId(), next);
            batch.accept(submission, appended);
        }
    }
}
