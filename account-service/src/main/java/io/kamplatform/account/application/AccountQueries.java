package io.kamplatform.account.application;

import io.kamplatform.account.domain.Account;
import io.kamplatform.account.domain.AccountEvent;
import io.kamplatform.kit.store.EventCodec;
import io.kamplatform.kit.store.EventStore;
import io.kamplatform.kit.store.StoredEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Reads an account's current state and its history straight from the event store. */
@ApplicationScoped
public class AccountQueries {

    private final Pool pool;
    private final EventStore store;
    private final EventCodec<AccountEvent> codec;

    public AccountQueries(Pool pool, EventStore store, EventCodec<AccountEvent> codec) {
        this.pool = pool;
        this.store = store;
        this.codec = codec;
    }

    /** The folded state, or empty when the account has no events. */
    public Uni<Optional<Account>> current(String accountId) {
        return pool.withConnection(connection -> store.loadStreams(connection, List.of(accountId)))
                .map(events -> events.isEmpty() ? Optional.empty()
                        : Optional.of(Account.replay(accountId, events.stream().map(codec::decode).toList())));
    }

    public Uni<List<StoredEvent>> history(String accountId, long fromVersion, int limit) {
        return pool.withConnection(connection -> store.loadStream(connection, accountId, fromVersion, limit));
    }
}
