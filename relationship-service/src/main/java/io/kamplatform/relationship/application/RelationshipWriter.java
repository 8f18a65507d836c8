package io.kamplatform.relationship.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kamplatform.kit.api.EventIntake;
import io.kamplatform.kit.api.EventReader;
import io.kamplatform.kit.json.StrictJson;
import io.kamplatform.kit.recording.EventRecorder;
import io.kamplatform.kit.recording.StreamStates;
import io.kamplatform.kit.store.EventCodec;
import io.kamplatform.kit.store.EventStore;
import io.kamplatform.relationship.domain.contract.ContractDecider;
import io.kamplatform.relationship.domain.contract.ContractEvent;
import io.kamplatform.relationship.domain.relationship.RelationshipDecider;
import io.kamplatform.relationship.store.EventFamily;
import io.kamplatform.relationship.store.KnownAccounts;
import io.kamplatform.relationship.store.RelationshipEventType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * relationship-service as a writer of the service kit: its catalogue ({@link RelationshipEventType#CATALOG}), its two
 * pure deciders (the contract one with the platform currency from {@code kam.currency}), its routing (relationship
 * events to the account's relationship record, contract events to the contract they name) and
 * {@link RelationshipRecording}, plugged into the kit's recorder and endpoint templates. The one clock of the service,
 * replaceable in tests, is produced here too.
 */
public class RelationshipWriter {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    RelationshipDecider relationshipDecider() {
        return new RelationshipDecider();
    }

    @Produces
    @Singleton
    ContractDecider contractDecider(@ConfigProperty(name = "kam.currency", defaultValue = "EUR") String platformCurrency) {
        return new ContractDecider(platformCurrency);
    }

    @Produces
    @Singleton
    EventCodec<Object> codec(ObjectMapper mapper) {
        return new EventCodec<>(mapper, RelationshipEventType.CATALOG);
    }

    @Produces
    @Singleton
    EventRecorder<Object> recorder(Pool pool, EventStore store, EventCodec<Object> codec, KnownAccounts knownAccounts,
                                   RelationshipDecider relationshipDecider, ContractDecider contractDecider, Clock clock,
                                   StreamStates streamStates) {
        return new EventRecorder<>(pool, store, codec,
                new RelationshipRecording(knownAccounts, relationshipDecider, contractDecider), clock, streamStates);
    }

    @Produces
    @Singleton
    EventIntake<Object> intake(StrictJson json, EventReader reader, EventRecorder<Object> recorder) {
        return new EventIntake<>(json, reader, RelationshipEventType.CATALOG, RelationshipWriter::streamOf, recorder);
    }

    /** The account's relationship record, or the contract the event names. */
    static String streamOf(String accountId, Object event) {
        return EventFamily.of(event).streamId(event instanceof ContractEvent contract ? contract.contractId() : accountId);
    }
}
