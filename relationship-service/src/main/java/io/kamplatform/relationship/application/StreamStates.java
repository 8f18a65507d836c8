package io.kamplatform.relationship.application;

import io.kamplatform.kit.store.StoredEvent;
import io.kamplatform.relationship.domain.contract.Contract;
import io.kamplatform.relationship.domain.contract.ContractEvent;
import io.kamplatform.relationship.domain.relationship.Relationship;
import io.kamplatform.relationship.domain.relationship.RelationshipEvent;
import io.kamplatform.relationship.store.EventCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The current state of the streams a transaction works on, folded from their stored events. */
final class StreamStates {

    private final Map<String, Relationship> relationships = new HashMap<>();
    private final Map<String, Contract> contracts = new HashMap<>();

    StreamStates(List<StoredEvent> history, EventCodec codec) {
        Map<String, List<StoredEvent>> byStream = new HashMap<>();
        history.forEach(e -> byStream.computeIfAbsent(e.streamId(), id -> new ArrayList<>()).add(e));
        byStream.forEach((streamId, events) -> {
            List<Object> decoded = events.stream().map(codec::decode).toList();
            String accountId = events.get(0).subject();
            if (decoded.get(0) instanceof ContractEvent first) {
                contracts.put(streamId, Contract.replay(first.contractId(), accountId,
                        decoded.stream().map(ContractEvent.class::cast).toList()));
            } else {
                relationships.put(streamId, Relationship.replay(accountId,
                        decoded.stream().map(RelationshipEvent.class::cast).toList()));
            }
        });
    }

    Relationship relationship(String streamId, String accountId) {
        return relationships.computeIfAbsent(streamId, id -> Relationship.initial(accountId));
    }

    Contract contract(String streamId, String contractId) {
        return contracts.computeIfAbsent(streamId, id -> Contract.initial(contractId));
    }

    void put(String streamId, Relationship state) {
        relationships.put(streamId, state);
    }

    void put(String streamId, Contract state) {
        contracts.put(streamId, state);
    }
}
