package io.kamplatform.relationship.application;

import io.kamplatform.kit.store.EventCodec;
import io.kamplatform.kit.store.EventStore;
import io.kamplatform.kit.store.StoredEvent;
import io.kamplatform.relationship.domain.contract.Contract;
import io.kamplatform.relationship.domain.contract.ContractEvent;
import io.kamplatform.relationship.domain.relationship.Relationship;
import io.kamplatform.relationship.domain.relationship.RelationshipEvent;
import io.kamplatform.relationship.store.EventFamily;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Reads current state and history straight from the event store. */
@ApplicationScoped
public class RelationshipQueries {

    static final int WHOLE_STREAM = Integer.MAX_VALUE;

    private final Pool pool;
    private final EventStore store;
    private final EventCodec<Object> codec;

    public RelationshipQueries(Pool pool, EventStore store, EventCodec<Object> codec) {
        this.pool = pool;
        this.store = store;
        this.codec = codec;
    }

    /** The account's relationship record, or empty when nothing was recorded yet. */
    public Uni<Optional<Relationship>> relationship(String accountId) {
        return stream(EventFamily.INTERACTION.streamId(accountId)).map(events -> events.isEmpty() ? Optional.empty()
                : Optional.of(Relationship.replay(accountId,
                        events.stream().map(e -> (RelationshipEvent) codec.decode(e)).toList())));
    }

    /** The contract, or empty when unknown or of another account. */
    public Uni<Optional<Contract>> contract(String accountId, String contractId) {
        return stream(EventFamily.CONTRACT.streamId(contractId)).map(events -> events.isEmpty()
                || !events.get(0).subject().equals(accountId) ? Optional.empty()
                : Optional.of(Contract.replay(contractId, accountId,
                        events.stream().map(e -> (ContractEvent) codec.decode(e)).toList())));
    }

    /** Everything recorded about the account, across its relationship record and contracts, in store order. */
    public Uni<List<StoredEvent>> history(String accountId, long afterPosition, int limit) {
        return pool.withConnection(connection -> store.loadSubject(connection, accountId, afterPosition, limit));
    }

    private Uni<List<StoredEvent>> stream(String streamId) {
        return pool.withConnection(connection -> store.loadStream(connection, streamId, 1, WHOLE_STREAM));
    }
}
