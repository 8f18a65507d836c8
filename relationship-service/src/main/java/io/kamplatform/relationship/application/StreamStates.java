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
            Object first = codec.decode(events.get(0));
            if (first instanceof ContractEvent contractEvent) {
                List<ContractEvent> decoded = events.stream().map(e -> (ContractEvent) codec.decode(e)).toList();
                contracts.put(streamId, Contract.replay(contractEvent.contractId(), events.get(0).subject(), decoded));
            } else {
                List<RelationshipEvent> decoded = events.stream().map(e -> (RelationshipEvent) codec.decode(e)).toList();
                relationships.put(streamId, Relationship.replay(events.get(0).subject(), decoded));
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
