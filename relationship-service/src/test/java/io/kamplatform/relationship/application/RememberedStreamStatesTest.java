package io.kamplatform.relationship.application;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.kamplatform.kit.api.EventIntake;
import io.kamplatform.kit.api.EventReader;
import io.kamplatform.kit.json.StrictJson;
import io.kamplatform.kit.recording.EventRecorder;
import io.kamplatform.kit.recording.StreamStates;
import io.kamplatform.kit.store.EventCodec;
import io.kamplatform.kit.store.EventStore;
import io.kamplatform.kit.testing.ReplicaRecorder;
import io.kamplatform.relationship.domain.contract.Contract;
import io.kamplatform.relationship.domain.contract.ContractDecider;
import io.kamplatform.relationship.domain.contract.ContractEvent;
import io.kamplatform.relationship.domain.relationship.Relationship;
import io.kamplatform.relationship.domain.relationship.RelationshipDecider;
import io.kamplatform.relationship.domain.relationship.RelationshipEvent;
import io.kamplatform.relationship.store.EventFamily;
import io.kamplatform.relationship.store.KnownAccounts;
import io.kamplatform.relationship.store.RelationshipEventType;
import io.kamplatform.relationship.support.Accounts;
import io.kamplatform.relationship.support.Events;
import io.kamplatform.relationship.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Relationship and contract streams resumed from a writer's memory ({@link StreamStates}) against the real event
 * store; a second recorder with its own memory stands for another replica.
 */
@QuarkusTest
class RememberedStreamStatesTest {

    @Inject
    Pool pool;
    @Inject
    EventStore store;
    @Inject
    EventCodec<Object> codec;
    @Inject
    KnownAccounts knownAccounts;
    @Inject
    RelationshipDecider relationshipDecider;
    @Inject
    ContractDecider contractDecider;
    @Inject
    Clock clock;
    @Inject
    StrictJson json;
    @Inject
    EventReader reader;

    @Test
    void aReplicaResumesTheRelationshipWithTheContactsAnotherReplicaAdded() {
        ReplicaRecorder replica = new ReplicaRecorder(0, this::intake); // unchecked: the decision rests on the resume
        StreamStates memory = replica.memory();
        String accountId = Accounts.registered(pool);
        assertThat(replica.record(accountId, contact("c-1"))).isEqualTo(201);
        assertThat(replica.record(accountId, contact("c-2"))).isEqualTo(201); // replays v1, remembers it
        post(accountId, contact("c-3")); // another replica: v3

        // Interaction with c-3: refused as UNKNOWN_CONTACT by a replica that did not resume with v2-3.
        assertThat(replica.record(accountId, Events.event("InteractionRecorded", "{\"interactionId\":\"i-1\","
                + "\"kind\":\"VISIT\",\"contactIds\":[\"c-1\",\"c-2\",\"c-3\"],\"supplierParticipants\":"
                + "[{\"participantId\":\"kam-anna\",\"function\":\"SALES\"}],\"twoWay\":true}"))).isEqualTo(201);
        assertThat(replica.count("resumed")).isEqualTo(1);
        assertThat(memory.remembered(EventFamily.INTERACTION.streamId(accountId)).orElseThrow().state())
                .isEqualTo(Relationship.replay(accountId, events(EventFamily.INTERACTION.streamId(accountId), 3).stream()
                        .map(RelationshipEvent.class::cast).toList()));
    }

    @Test
    void aContractResumedEveryTimeEqualsItsWholeReplay() {
        ReplicaRecorder replica = new ReplicaRecorder(1, this::intake); // every resume checked against the whole replay
        StreamStates memory = replica.memory();
        String accountId = Accounts.registered(pool);
        String contractId = "K-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(replica.record(accountId, signed(contractId))).isEqualTo(201);
        assertThat(replica.record(accountId, renewed(contractId, "2029-12-31"))).isEqualTo(201);
        post(accountId, renewed(contractId, "2030-12-31"));
        assertThat(replica.record(accountId, renewed(contractId, "2031-12-31"))).isEqualTo(201);
        assertThat(replica.record(accountId, renewed(contractId, "2032-12-31"))).isEqualTo(201);

        assertThat(replica.count("resumed")).isEqualTo(2);
        assertThat(replica.count("diverged")).isZero();
        String streamId = EventFamily.CONTRACT.streamId(contractId);
        assertThat(memory.remembered(streamId).orElseThrow().state()).isEqualTo(Contract.replay(contractId, accountId,
                events(streamId, 4).stream().map(ContractEvent.class::cast).toList()));
    }



    private EventIntake<Object> intake(StreamStates memory) {
        EventRecorder<Object> recorder = new EventRecorder<>(pool, store, codec,
                new RelationshipRecording(knownAccounts, relationshipDecider, contractDecider), clock, memory);
        return new EventIntake<>(json, reader, RelationshipEventType.CATALOG, RelationshipWriter::streamOf, recorder);
    }


    private List<io.kamplatform.kit.store.StoredEvent> stored(String streamId) {
        return pool.withConnection(c -> store.loadStreams(c, List.of(streamId))).await().atMost(Duration.ofSeconds(30));
    }

    /** The stream's first {@code count} stored events, decoded (what the replica read before its last append). */
    private List<Object> events(String streamId, int count) {
        return stored(streamId).subList(0, count).stream().map(codec::decode).toList();
    }

    private static String contact(String contactId) {
        return Events.event("ContactAdded", "{\"contactId\":\"" + contactId + "\",\"name\":\"Marco Neri\","
                + "\"buyingRoles\":[\"BUYER\"],\"level\":\"MANAGEMENT\",\"function\":\"Procurement\"}");
    }

    private static String signed(String contractId) {
        return Events.event("ContractSigned", "{\"contractId\":\"" + contractId + "\",\"startsOn\":\"2026-01-01\","
                + "\"endsOn\":\"2028-12-31\",\"annualValue\":{\"amount\":\"100000\",\"currency\":\"EUR\"},"
                + "\"listValue\":{\"amount\":\"110000\",\"currency\":\"EUR\"},\"expectedMarginPct\":20,"
                + "\"serviceLevel\":\"STANDARD\",\"preferredSupplier\":false}");
    }

    private static String renewed(String contractId, String newEndsOn) {
        return Events.event("ContractRenewed", "{\"contractId\":\"" + contractId + "\",\"newEndsOn\":\"" + newEndsOn
                + "\",\"annualValue\":{\"amount\":\"105000\",\"currency\":\"EUR\"},"
                + "\"listValue\":{\"amount\":\"110000\",\"currency\":\"EUR\"},\"expectedMarginPct\":20}");
    }

    private static void post(String accountId, String body) {
        given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON).body(body)
                .when().post("/api/accounts/{id}/events", accountId).then().statusCode(201);
    }
}
