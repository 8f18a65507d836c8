package io.kamplatform.account.application;

import io.kamplatform.account.domain.Account;
import io.kamplatform.account.domain.AccountEvent;
import io.kamplatform.account.domain.plan.AccountPlans;
import io.kamplatform.account.domain.plan.PlanEvent;
import io.kamplatform.account.store.AccountStreams;
import io.kamplatform.kit.store.EventCodec;
import io.kamplatform.kit.store.EventStore;
import io.kamplatform.kit.store.StoredEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Reads an account's current state, its plans and its history straight from the event store. */
@ApplicationScoped
public class AccountQueries {

    private final Pool pool;
    private final EventStore store;
    private final EventCodec<Object> codec;

    public AccountQueries(Pool pool, EventStore store, EventCodec<Object> codec) {
        this.pool = pool;
        this.store = store;
        this.codec = codec;
    }

    /** The folded state, or empty when the account has no events. */
    public Uni<Optional<Account>> current(String accountId) {
        return stream(accountId).map(events -> events.isEmpty() ? Optional.empty()
                : Optional.of(Account.replay(accountId, events.stream().map(e -> (AccountEvent) codec.decode(e)).toList())));
    }

    /** The account's plans, or empty when none was ever published. */
    public Uni<Optional<AccountPlans>> plans(String accountId) {
        return stream(AccountStreams.plansOf(accountId)).map(events -> events.isEmpty() ? Optional.empty()
                : Optional.of(AccountPlans.replay(accountId, events.stream().map(e -> (PlanEvent) codec.decode(e)).toList())));
    }

    /** A page of one stream's events: the account's own, or its plans'. */
    public Uni<List<StoredEvent>> history(String streamId, long fromVersion, int limit) {
        return pool.withConnection(connection -> store.loadStream(connection, streamId, fromVersion, limit));
    }

    private Uni<List<StoredEvent>> stream(String streamId) {
        return pool.withConnection(connection -> store.loadStreams(connection, List.of(streamId)));
    }
}
