package io.kamplatform.account.application;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.kamplatform.account.domain.Account;
import io.kamplatform.account.domain.AccountDecider;
import io.kamplatform.account.domain.AccountEvent;
import io.kamplatform.account.domain.plan.AccountPlanDecider;
import io.kamplatform.account.store.AccountEventType;
import io.kamplatform.account.store.AccountStandings;
import io.kamplatform.account.store.AccountStreams;
import io.kamplatform.account.support.Events;
import io.kamplatform.account.support.Tokens;
import io.kamplatform.kit.api.EventIntake;
import io.kamplatform.kit.api.EventReader;
import io.kamplatform.kit.json.StrictJson;
import io.kamplatform.kit.recording.EventRecorder;
import io.kamplatform.kit.recording.StreamStates;
import io.kamplatform.kit.recording.StreamStates.Remembered;
import io.kamplatform.kit.store.EventCodec;
import io.kamplatform.kit.store.EventStore;
import io.kamplatform.kit.testing.ReplicaRecorder;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Stream states remembered by a writer ({@link StreamStates}) against the real event store: a second recorder with
 * its own memory stands for another replica, so each sees streams move on without it, as replicas do.
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
    AccountStandings standings;
    @Inject
    AccountDecider decider;
    @Inject
    AccountPlanDecider planDecider;
    @Inject
    Clock clock;
    @Inject
    StrictJson json;
    @Inject
    EventReader reader;

    @Test
    void aReplicaResumesItsRememberedStateWithTheEventsAnotherReplicaStoredSince() {
        ReplicaRecorder replica = new ReplicaRecorder(0, this::intake); // resumes never checked
        StreamStates memory = replica.memory();
        String accountId = Events.newAccountId();
        post(accountId, Events.registration(Events.newEventId(), "Replica AG"), 201);
        post(accountId, Events.designation(Events.newEventId(), 1L), 201);
        assertThat(replica.record(accountId, details("Replica Group AG", 2L))).isEqualTo(201); // replayed: v1-2
        assertThat(memory.remembered(accountId).orElseThrow().version()).isEqualTo(2);

        for (long version = 3; version < 6; version++) { // the other replica moves the stream on to 6
            post(accountId, details("Replica Group AG " + version, version), 201);
        }

        // Resumed from v2 with v3-6: a replica still at v2 would answer 409 (current version 2).
        assertThat(replica.record(accountId, details("Replica Holding AG", 6L))).isEqualTo(201);
        assertThat(replica.record(accountId, details("Stale AG", 6L))).isEqualTo(409);
        assertThat(replica.count("resumed")).isEqualTo(2);
        assertThat(replica.count("replayed")).isEqualTo(1);
        Remembered remembered = memory.remembered(accountId).orElseThrow();
        assertThat(remembered.version()).isEqualTo(7);
        assertThat(remembered.state()).isEqualTo(replayed(accountId)); // the fold of the whole stream, exactly
    }

    @Test
    void aRememberedEventTheStoreDoesNotHoldMeansTheStreamIsReplayedWhole() {
        ReplicaRecorder replica = new ReplicaRecorder(0, this::intake);
        StreamStates memory = replica.memory();
        String accountId = Events.newAccountId();
        post(accountId, Events.registration(Events.newEventId(), "Restored AG"), 201);
        post(accountId, Events.designation(Events.newEventId(), 1L), 201);
        // As after a database restored to an earlier point: version 2 is another event than the one remembered.
        memory.remember(accountId, new Remembered(accountId, 2, "evt-never-stored", Account.replay(accountId, List.of())));

        assertThat(replica.record(accountId, details("Restored Group AG", 2L))).isEqualTo(201);
        assertThat(replica.count("mismatched")).isEqualTo(1);
        assertThat(memory.remembered(accountId).orElseThrow().state()) // what it read before its append
                .isEqualTo(Account.replay(accountId, stored(accountId).events().subList(0, 2)));
    }

    @Test
    void aResumedStateThatDiffersFromTheWholeReplayIsCaughtAndTheReplayDecides() {
        ReplicaRecorder replica = new ReplicaRecorder(1, this::intake); // every resume checked
        StreamStates memory = replica.memory();
        String other = Events.newAccountId();
        post(other, Events.registration(Events.newEventId(), "Other AG"), 201);
        post(other, details("Other Group AG", 1L), 201);
        String accountId = Events.newAccountId();
        String designation = Events.newEventId();
        post(accountId, Events.registration(Events.newEventId(), "Designated AG"), 201);
        post(accountId, Events.designation(designation, 1L), 201);
        // Version and last event id right, content wrong: a fold of two events in which the account is no key account.
        memory.remember(accountId, new Remembered(accountId, 2, designation,
                Account.replay(accountId, stored(other).events())));

        // The whole replay says it is a key account already: designating it again is refused (the planted state
        // alone would accept it).
        assertThat(replica.record(accountId, Events.designation(Events.newEventId(), 2L))).isEqualTo(422);
        assertThat(replica.count("diverged")).isEqualTo(1);
        assertThat(memory.remembered(accountId).orElseThrow().state()).isEqualTo(replayed(accountId));
    }

    @Test
    void theServiceResumesStreamsItWroteAndCountsIt() {
        double before = metric("resumed");
        String accountId = Events.newAccountId();
        post(accountId, Events.registration(Events.newEventId(), "Counted AG"), 201);
        post(accountId, Events.designation(Events.newEventId(), 1L), 201);
        post(accountId, details("Counted Group AG", 2L), 201); // resumed from v1 (v1 replayed for the designation)
        post(accountId, details("Counted Holding AG", 3L), 201); // resumed from v2

        assertThat(metric("resumed") - before).isGreaterThanOrEqualTo(2);
        assertThat(metric("diverged")).isZero();
    }


    private EventIntake<Object> intake(StreamStates memory) {
        EventRecorder<Object> recorder = new EventRecorder<>(pool, store, codec,
                new AccountRecording(standings, decider, planDecider), clock, memory);
        return new EventIntake<>(json, reader, AccountEventType.CATALOG, AccountStreams::of, recorder);
    }


    /** The account's stored events, decoded. */
    private Stored stored(String accountId) {
        List<AccountEvent> events = pool.withConnection(c -> store.loadStreams(c, List.of(accountId)))
                .await().atMost(Duration.ofSeconds(30)).stream().map(e -> (AccountEvent) codec.decode(e)).toList();
        return new Stored(accountId, events);
    }

    private Account replayed(String accountId) {
        return stored(accountId).replay();
    }

    private record Stored(String accountId, List<AccountEvent> events) {
        Account replay() {
            return Account.replay(accountId, events);
        }
    }

    private static String details(String name, Long expectedVersion) {
        return Events.event(Events.newEventId(), "AccountDetailsChanged", "2026-02-02T00:00:00Z", expectedVersion,
                "{\"name\":\"" + name + "\"}");
    }

    private static void post(String accountId, String body, int status) {
        given().auth().oauth2(Tokens.writer()).contentType("application/json").body(body)
                .when().post("/api/accounts/" + accountId + "/events").then().statusCode(status);
    }


    /** The service's own count of one outcome. */
    private static double metric(String outcome) {
        String text = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^kam_recording_stream_states_total\\{[^}]*outcome=\"" + outcome + "\"[^}]*} (\\S+)$")
                .matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
