package io.kamplatform.account.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.kamplatform.account.support.Events;
import io.kamplatform.account.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Client-supplied event ids make retries safe; expected versions make concurrent writers safe. */
@QuarkusTest
class IdempotencyAndConcurrencyTest {

    @Test
    void theSameEventIdTwiceRecordsOneEventAndReturnsTheOriginalReceipt() {
        String accountId = Events.newAccountId();
        String eventId = Events.newEventId();
        String body = Events.registration(eventId, "Twice Ltd");

        Response first = post(accountId, body);
        first.then().statusCode(201);
        Response second = post(accountId, body);
        second.then().statusCode(200).header("Idempotent-Replayed", "true");

        assertThat(second.jsonPath().getLong("position")).isEqualTo(first.jsonPath().getLong("position"));
        assertThat(second.jsonPath().getString("recordedAt")).isEqualTo(first.jsonPath().getString("recordedAt"));
        history(accountId).then().body("events.size()", equalTo(1));
    }

    @Test
    void theSameEventIdWithAnotherBodyIsRefused() {
        String accountId = Events.newAccountId();
        String eventId = Events.newEventId();
        post(accountId, Events.registration(eventId, "Original GmbH")).then().statusCode(201);

        post(accountId, Events.registration(eventId, "Different GmbH")).then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kam-platform:problem:event-id-reused"))
                .body("violations[0].field", equalTo("eventId"));
        history(accountId).then().body("events.size()", equalTo(1)).body("events[0].data.name", equalTo("Original GmbH"));
    }

    @Test
    void aStaleExpectedVersionGets409WithTheCurrentVersion() {
        String accountId = Events.newAccountId();
        post(accountId, Events.registration(Events.newEventId(), "Stale AG")).then().statusCode(201);
        post(accountId, Events.designation(Events.newEventId(), 1L)).then().statusCode(201);

        post(accountId, Events.event(Events.newEventId(), "AccountDetailsChanged", "2026-02-02T00:00:00Z", 1L,
                "{\"name\":\"Stale Group AG\"}"))
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kam-platform:problem:version-conflict"))
                .body("currentVersion", equalTo(2))
                .body("expectedVersion", equalTo(1));

        given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON).header("If-Match", "\"2\"")
                .body(Events.event(Events.newEventId(), "AccountDetailsChanged", "2026-02-02T00:00:00Z", null,
                        "{\"name\":\"Fresh Group AG\"}"))
                .when().post("/api/accounts/{id}/events", accountId)
                .then().statusCode(201).header("ETag", "\"3\"");
    }

    @Test
    void parallelWritesWithTheSameExpectedVersionLetExactlyOneThrough() throws Exception {
        String accountId = Events.newAccountId();
        post(accountId, Events.registration(Events.newEventId(), "Race Inc")).then().statusCode(201);

        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String body = Events.event(Events.newEventId(), "AccountDetailsChanged", "2026-02-02T00:00:00Z", 1L,
                    "{\"sector\":\"Sector " + i + "\"}");
            calls.add(() -> post(accountId, body).statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(calls)) {
            statuses.add(f.get());
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        history(accountId).then().body("events.version", equalTo(List.of(1, 2)));
    }

    @Test
    void concurrentWritersWithoutExpectedVersionAllLandWithoutGaps() throws Exception {
        String accountId = Events.newAccountId();
        post(accountId, Events.registration(Events.newEventId(), "Busy plc")).then().statusCode(201);

        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String body = Events.revenue(Events.newEventId(), "2026-01", "100.00", "50.00");
            calls.add(() -> post(accountId, body).statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(calls)) {
            statuses.add(f.get());
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(201);
        history(accountId).then().body("events.size()", equalTo(13))
                .body("events.version", equalTo(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13)));
        given().auth().oauth2(Tokens.reader()).when().get("/api/accounts/{id}", accountId)
                .then().body("revenueByMonth.'2026-01'.revenue.amount", equalTo("1200.00"));
    }

    static Response post(String accountId, String body) {
        return given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON).body(body)
                .when().post("/api/accounts/{id}/events", accountId);
    }

    static Response history(String accountId) {
        return given().auth().oauth2(Tokens.reader()).when().get("/api/accounts/{id}/events", accountId);
    }
}
