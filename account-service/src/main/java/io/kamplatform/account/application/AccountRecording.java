package io.kamplatform.account.application;

import io.kamplatform.account.domain.Account;
import io.kamplatform.account.domain.AccountDecider;
import io.kamplatform.account.domain.AccountEvent;
import io.kamplatform.account.domain.AccountRegistered;
import io.kamplatform.account.domain.KeyAccountDesignated;
import io.kamplatform.account.domain.KeyAccountDesignationRevoked;
import io.kamplatform.account.domain.RecordAccountEvent;
import io.kamplatform.account.domain.plan.AccountPlanDecider;
import io.kamplatform.account.domain.plan.AccountPlans;
import io.kamplatform.account.domain.plan.AccountStanding;
import io.kamplatform.account.domain.plan.PlanEvent;
import io.kamplatform.account.domain.plan.RecordPlanEvent;
import io.kamplatform.account.store.AccountStandings;
import io.kamplatform.kit.decider.Decision;
import io.kamplatform.kit.recording.EventSubmission;
import io.kamplatform.kit.recording.RecordingRules;
import io.kamplatform.kit.recording.StreamKind;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What account-service adds to the recorder template: account events go to the account's stream and are decided by
 * the {@link AccountDecider}, plan events to the account's plan stream, decided by the {@link AccountPlanDecider}.
 * Both need where other accounts stand (a registration's parent must be registered; a plan needs a key account),
 * looked up in the store before the append ({@link AccountStandings}) and kept current through the batch, so one
 * batch may register an account, designate it and publish its plan.
 */
final class AccountRecording implements RecordingRules<Object, Map<String, AccountStanding>> {

    private final AccountStandings standings;
    private final AccountDecider accountDecider;
    private final AccountPlanDecider planDecider;

    AccountRecording(AccountStandings standings, AccountDecider accountDecider, AccountPlanDecider planDecider) {
        this.standings = standings;
        this.accountDecider = accountDecider;
        this.planDecider = planDecider;
    }

    /** The standing of the parents named by registrations and of the accounts plan facts are about. */
    @Override
    public Uni<Map<String, AccountStanding>> lookUp(SqlConnection connection, List<EventSubmission<Object>> submissions) {
        Set<String> accountIds = new HashSet<>();
        for (EventSubmission<Object> submission : submissions) {
            switch (submission.event()) {
                case AccountRegistered r when r.parentAccountId() != null -> accountIds.add(r.parentAccountId());
                case PlanEvent p -> accountIds.add(submission.accountId());
                default -> { }
            }
        }
        return standings.of(connection, accountIds);
    }

    @Override
    public StreamKind<Object, ?> streamKind(EventSubmission<Object> submission, Map<String, AccountStanding> standing) {
        return submission.event() instanceof PlanEvent ? new PlanStream(planDecider, standing)
                : new AccountStream(accountDecider, standing);
    }

    /** Later items of the batch see the account registered, designated or revoked. */
    @Override
    public void accepted(EventSubmission<Object> submission, List<?> events, Map<String, AccountStanding> standing) {
        for (Object event : events) {
            switch (event) {
                case AccountRegistered r -> standing.put(submission.accountId(), AccountStanding.REGISTERED);
                case KeyAccountDesignated d -> standing.put(submission.accountId(), AccountStanding.KEY_ACCOUNT);
                case KeyAccountDesignationRevoked r -> standing.put(submission.accountId(), AccountStanding.REGISTERED);
                default -> { }
            }
        }
    }

    /** An account's own stream (stream id = account id). */
    private record AccountStream(AccountDecider decider, Map<String, AccountStanding> standing)
            implements StreamKind<Object, Account> {

        @Override
        public Account replay(String streamId, String subject, List<Object> history) {
            return Account.replay(streamId, history.stream().map(AccountEvent.class::cast).toList());
        }

        @Override
        public long version(Account state) {
            return state.version();
        }

        @Override
        public Decision<AccountEvent> decide(Account state, EventSubmission<Object> submission, Instant now) {
            boolean parentRegistered = submission.event() instanceof AccountRegistered r
                    && r.parentAccountId() != null && standing.containsKey(r.parentAccountId());
            return decider.decide(state, new RecordAccountEvent(submission.accountId(), (AccountEvent) submission.event(),
                    submission.occurredAt(), parentRegistered), now);
        }

        @Override
        public Account evolve(Account state, String subject, Object event) {
            return state.evolve((AccountEvent) event);
        }
    }

    /** The account's plans (stream {@code plans/<accountId>}), decided with the account's standing. */
    private record PlanStream(AccountPlanDecider decider, Map<String, AccountStanding> standing)
            implements StreamKind<Object, AccountPlans> {

        @Override
        public AccountPlans replay(String streamId, String subject, List<Object> history) {
            return AccountPlans.replay(subject, history.stream().map(PlanEvent.class::cast).toList());
        }

        @Override
        public long version(AccountPlans state) {
            return state.version();
        }

        @Override
        public Decision<PlanEvent> decide(AccountPlans state, EventSubmission<Object> submission, Instant now) {
            return decider.decide(state, new RecordPlanEvent(submission.accountId(), (PlanEvent) submission.event(),
                    submission.occurredAt(), standing.getOrDefault(submission.accountId(), AccountStanding.NOT_REGISTERED)), now);
        }

        @Override
        public AccountPlans evolve(AccountPlans state, String subject, Object event) {
            return state.evolve((PlanEvent) event);
        }
    }
}
