package io.kamplatform.account.application;

import io.kamplatform.account.domain.Account;
import io.kamplatform.account.domain.AccountDecider;
import io.kamplatform.account.domain.AccountEvent;
import io.kamplatform.account.domain.AccountRegistered;
import io.kamplatform.account.domain.RecordAccountEvent;
import io.kamplatform.account.store.AccountEventType;
import io.kamplatform.kit.decider.Decision;
import io.kamplatform.kit.recording.EventSubmission;
import io.kamplatform.kit.recording.RecordingRules;
import io.kamplatform.kit.recording.StreamKind;
import io.kamplatform.kit.store.EventStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What account-service adds to the recorder template: every event goes to its account's stream and is decided by
 * the {@link AccountDecider}; a registration that names a parent needs the parent registered, in the store (looked
 * up before the append) or by an earlier item of the same batch.
 */
final class AccountRecording implements RecordingRules<AccountEvent, Set<String>> {

    static final String REGISTRATION = AccountEventType.ACCOUNT_REGISTERED.typeName();

    private final EventStore store;
    private final AccountDecider decider;

    AccountRecording(EventStore store, AccountDecider decider) {
        this.store = store;
        this.decider = decider;
    }

    /** The parents named by registrations that are registered already. */
    @Override
    public Uni<Set<String>> lookUp(SqlConnection connection, List<EventSubmission<AccountEvent>> submissions) {
        Set<String> parentIds = submissions.stream().map(s -> s.event() instanceof AccountRegistered r ? r.parentAccountId() : null)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        return store.streamsWithEventType(connection, parentIds, REGISTRATION).map(HashSet::new);
    }

    @Override
    public StreamKind<AccountEvent, Account> streamKind(EventSubmission<AccountEvent> submission, Set<String> registered) {
        return new AccountStream(decider, registered);
    }

    @Override
    public void accepted(EventSubmission<AccountEvent> submission, List<? extends AccountEvent> events,
                         Set<String> registered) {
        if (events.stream().anyMatch(AccountRegistered.class::isInstance)) {
            registered.add(submission.accountId());
        }
    }

    /** An account's stream (stream id = account id), with the accounts registered so far in this transaction. */
    private record AccountStream(AccountDecider decider, Set<String> registered) implements StreamKind<AccountEvent, Account> {

        @Override
        public Account replay(String streamId, String subject, List<AccountEvent> history) {
            return Account.replay(streamId, history);
        }

        @Override
        public long version(Account state) {
            return state.version();
        }

        @Override
        public Decision<AccountEvent> decide(Account state, EventSubmission<AccountEvent> submission, Instant now) {
            boolean parentRegistered = submission.event() instanceof AccountRegistered r
                    && r.parentAccountId() != null && registered.contains(r.parentAccountId());
            return decider.decide(state, new RecordAccountEvent(submission.accountId(), submission.event(),
                    submission.occurredAt(), parentRegistered), now);
        }

        @Override
        public Account evolve(Account state, EventSubmission<AccountEvent> submission, AccountEvent event) {
            return state.evolve(event);
        }
    }
}
