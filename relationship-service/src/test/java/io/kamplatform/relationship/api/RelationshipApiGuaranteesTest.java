package io.kamplatform.relationship.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.kamplatform.relationship.support.Accounts;
import io.kamplatform.relationship.support.Events;
import io.kamplatform.relationship.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Idempotency, optimistic concurrency, rules, bad input and security, each with nothing stored when refused. */
@QuarkusTest
class RelationshipApiGuaranteesTest {

    static final String CONTACT = "{\"contactId\":\"c-9\",\"name\":\"Marco Neri\",\"buyingRoles\":[\"BUYER\"],"
            + "\"level\":\"MANAGEMENT\",\"function\":\"Procurement\"}";

    @Inject
    Pool pool;

    @Test
    void theSameEventIdTwiceRecordsOnceAndAnotherBodyIsRefused() {
        String accountId = Accounts.registered(pool);
        String eventId = Accounts.newEventId();
        String body = Events.event(eventId, "ContactAdded", "2026-03-01T10:00:00Z", null, CONTACT);
        Response first = post(accountId, body);
        first.then().statusCode(201);
        post(accountId, body).then().statusCode(200).header("Idempotent-Replayed", "true")
                .body("position", equalTo(first.jsonPath().getInt("position")));
        post(accountId, Events.event(eventId, "ContactAdded", "2026-03-01T10:00:00Z", null, CONTACT.replace("Marco", "Mario")))
                .then().statusCode(422).body("type", equalTo("urn:kam-platform:problem:event-id-reused"));
        assertThat(stored(accountId)).isEqualTo(1);
    }

    @Test
    void aStaleExpectedVersionGets409() {
        String accountId = Accounts.registered(pool);
        post(accountId, Events.event(Accounts.newEventId(), "ContactAdded", "2026-03-01T10:00:00Z", 0L, CONTACT)).then().statusCode(201);
        post(accountId, Events.event(Accounts.newEventId(), "ContactLeft", "2026-03-02T10:00:00Z", 0L, "{\"contactId\":\"c-9\"}"))
                .then().statusCode(409).body("currentVersion", equalTo(1));
        given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Events.event("ContactLeft", "{\"contactId\":\"c-9\"}"))
                .when().post("/api/accounts/{id}/events", accountId).then().statusCode(201).header("ETag", "\"2\"");
    }

    @Test
    void rulesAreEnforcedWithTheirCodes() {
        String accountId = Accounts.registered(pool);
        post(accountId, Events.event("InteractionRecorded", "{\"interactionId\":\"i-9\",\"kind\":\"VISIT\",\"contactIds\":[\"ghost\"],"
                + "\"supplierParticipants\":[{\"participantId\":\"kam-anna\",\"function\":\"SALES\"}],\"twoWay\":true}"))
                .then().statusCode(422).body("code", equalTo("UNKNOWN_CONTACT"));
        post(accountId, Events.event("FollowUpCompleted", "{\"interactionId\":\"i-404\"}"))
                .then().statusCode(422).body("code", equalTo("UNKNOWN_INTERACTION"));
        post(accountId, Events.event("ContractSigned", "{\"contractId\":\"K-bad\",\"startsOn\":\"2026-02-01\",\"endsOn\":\"2026-01-31\","
                + "\"annualValue\":{\"amount\":\"10\",\"currency\":\"EUR\"},\"listValue\":{\"amount\":\"5\",\"currency\":\"EUR\"},"
                + "\"expectedMarginPct\":10,\"serviceLevel\":\"STANDARD\",\"preferredSupplier\":false}"))
                .then().statusCode(422).body("code", equalTo("END_NOT_AFTER_START"));
        post(accountId, Events.event("ContractRenewed", "{\"contractId\":\"K-none\",\"newEndsOn\":\"2030-01-01\","
                + "\"annualValue\":{\"amount\":\"10\",\"currency\":\"EUR\"},\"listValue\":{\"amount\":\"10\",\"currency\":\"EUR\"},\"expectedMarginPct\":10}"))
                .then().statusCode(422).body("code", equalTo("CONTRACT_NOT_SIGNED"));
        post(accountId, Events.event("ServiceRequestResolved", "{\"requestId\":\"sr-404\"}"))
                .then().statusCode(422).body("code", equalTo("UNKNOWN_SERVICE_REQUEST"));
        assertThat(stored(accountId)).isZero();
    }

    @Test
    void badInputGets4xxProblemsAndStoresNothing() {
        String accountId = Accounts.registered(pool);
        List<String> bodies = List.of(
                "{\"eventId\": \"x\", ",
                "[1]",
                Events.event("ContactExploded", "{}"),
                Events.event("ContactAdded", "{\"contactId\":\"c-1\",\"name\":\"A\",\"buyingRoles\":[\"KING\"],\"level\":\"EXECUTIVE\",\"function\":\"f\"}"),
                Events.event("ContactAdded", "{\"contactId\":\"c-1\",\"name\":\"A\",\"buyingRoles\":[],\"level\":\"EXECUTIVE\",\"function\":\"f\",\"extra\":1}"),
                Events.event("ServiceRequestOpened", "{\"requestId\":\"sr-1\",\"severity\":\"HIGH\",\"slaHours\":\"soon\",\"subject\":\"s\"}"),
                Events.event("ServiceRequestOpened", "{\"requestId\":\"sr-1\",\"severity\":\"HIGH\",\"slaHours\":0,\"subject\":\"s\"}"),
                Events.event("ContractSigned", "{\"contractId\":\"K/1\"}"),
                "{\"eventId\":\"e-1\",\"type\":\"ContactLeft\",\"data\":{\"contactId\":\"c-1\"}}",
                Events.event("ContactLeft", "{\"contactId\":\"c-1'; DROP TABLE event_store;--\"}"),
                Events.event("InteractionRecorded", "{\"interactionId\":\"i-1\",\"kind\":\"CALL\",\"contactIds\":[],"
                        + "\"supplierParticipants\":[{\"participantId\":\"kam-anna\",\"function\":\"SALES\"}]}"));
        for (String body : bodies) {
            int status = post(accountId, body).then().contentType("application/problem+json").extract().statusCode();
            assertThat(status).as(body).isBetween(400, 499);
        }
        post(accountId, Events.event("ContactAdded", "{\"contactId\":\"c-1\",\"name\":\"" + "x".repeat(70_000) + "\"}"))
                .then().statusCode(413);
        post("bad id", Events.event("ContactLeft", "{\"contactId\":\"c-1\"}"))
                .then().statusCode(400).body("violations.field", hasItem("accountId"));
        assertThat(stored(accountId)).isZero();
    }

    @Test
    void everyEndpointNeedsATokenWithTheRightRole() {
        given().contentType(ContentType.JSON).body(Events.event("ContactLeft", "{\"contactId\":\"c\"}"))
                .when().post("/api/accounts/A/events").then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"items\":[]}")
                .when().post("/api/relationship-events/batch").then().statusCode(401);
        given().when().get("/api/accounts/A/relationship").then().statusCode(401);
        given().when().get("/api/accounts/A/contracts/K").then().statusCode(401);
        given().when().get("/api/accounts/A/events").then().statusCode(401);
        given().auth().oauth2(Tokens.reader()).contentType(ContentType.JSON).body(Events.event("ContactLeft", "{\"contactId\":\"c\"}"))
                .when().post("/api/accounts/A/events").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.reader()).contentType(ContentType.JSON).body("{\"items\":[]}")
                .when().post("/api/relationship-events/batch").then().statusCode(403);
    }

    @Test
    void aBatchRecordsInOrderWithOneResultPerItem() {
        String accountId = Accounts.registered(pool);
        String unknown = Accounts.newAccountId();
        String addContact = item(accountId, "ContactAdded", CONTACT);
        String body = "{\"items\":[" + String.join(",", List.of(
                addContact,
                item(accountId, "InteractionRecorded", "{\"interactionId\":\"i-1\",\"kind\":\"CALL\",\"contactIds\":[\"c-9\"],"
                        + "\"supplierParticipants\":[{\"participantId\":\"kam-anna\",\"function\":\"SALES\"}],\"twoWay\":true}"),
                item(unknown, "ContactAdded", CONTACT),
                item(accountId, "ContactAdded", "{}"),
                addContact)) + "]}";
        given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON).body(body)
                .when().post("/api/relationship-events/batch")
                .then().statusCode(200)
                .body("results.status", equalTo(List.of("RECORDED", "RECORDED", "REJECTED", "REJECTED", "DUPLICATE")))
                .body("results[2].problem.type", equalTo("urn:kam-platform:problem:unknown-account"))
                .body("results[3].problem.violations.field", hasItem("items[3].data.contactId"));
        assertThat(stored(accountId)).isEqualTo(2);
    }

    static String item(String accountId, String type, String data) {
        return "{\"accountId\":\"" + accountId + "\",\"eventId\":\"" + (type.equals("ContactAdded") && data.contains("c-9")
                ? "contact-c9-" + accountId : Accounts.newEventId())
                + "\",\"type\":\"" + type + "\",\"occurredAt\":\"2026-03-01T10:00:00Z\",\"data\":" + data + "}";
    }

    private long stored(String accountId) {
        return pool.preparedQuery("SELECT count(*) FROM event_store WHERE subject = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(accountId)).await().indefinitely().iterator().next().getLong(0);
    }

    static Response post(String accountId, String body) {
        return given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON).body(body)
                .when().post("/api/accounts/{id}/events", accountId);
    }
}
