package io.kamplatform.account.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.kamplatform.account.support.Events;
import io.kamplatform.account.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad input gets a 4xx problem+json that says what is wrong, and nothing is stored. */
@QuarkusTest
class BadInputTest {

    @Inject
    Pool pool;

    long eventsBefore;

    @BeforeEach
    void countEvents() {
        eventsBefore = storedEvents();
    }

    @AfterEach
    void nothingStored() {
        assertThat(storedEvents()).as("events in the store").isEqualTo(eventsBefore);
    }

    static Stream<Arguments> badBodies() {
        String id = "\"eventId\":\"evt-bad-1\",\"occurredAt\":\"2026-01-05T09:00:00Z\"";
        return Stream.of(
                Arguments.of("malformed JSON", "{\"eventId\": \"x\", ", 400, "malformed-json", null),
                Arguments.of("not an object", "[1,2,3]", 400, "validation", null),
                Arguments.of("unknown event type", "{" + id + ",\"type\":\"AccountExploded\",\"data\":{}}",
                        400, "unknown-event-type", "type"),
                Arguments.of("missing type", "{" + id + ",\"data\":{}}", 400, "validation", "type"),
                Arguments.of("missing data field", "{" + id + ",\"type\":\"AccountRegistered\",\"data\":{\"name\":\"A\",\"country\":\"DE\"}}",
                        400, "validation", "data.sector"),
                Arguments.of("missing occurredAt", "{\"eventId\":\"e1\",\"type\":\"KeyAccountDesignated\",\"data\":{\"rationale\":\"r\"}}",
                        400, "validation", "occurredAt"),
                Arguments.of("wrong-typed date", "{\"eventId\":\"e1\",\"occurredAt\":\"yesterday\",\"type\":\"KeyAccountDesignated\",\"data\":{\"rationale\":\"r\"}}",
                        400, "validation", "occurredAt"),
                Arguments.of("wrong-typed month", "{" + id + ",\"type\":\"RevenueRecognized\",\"data\":{\"month\":\"January\","
                        + "\"revenue\":{\"amount\":\"1\",\"currency\":\"EUR\"},\"costOfSales\":{\"amount\":\"1\",\"currency\":\"EUR\"}}}",
                        400, "validation", "data.month"),
                Arguments.of("wrong-typed amount", "{" + id + ",\"type\":\"SalesPotentialAssessed\",\"data\":{"
                        + "\"annualPotential\":{\"amount\":\"lots\",\"currency\":\"EUR\"},\"rationale\":\"r\"}}",
                        400, "validation", "data.annualPotential.amount"),
                Arguments.of("wrong-typed expectedVersion", "{" + id + ",\"expectedVersion\":\"one\",\"type\":\"KeyAccountDesignated\",\"data\":{\"rationale\":\"r\"}}",
                        400, "validation", "expectedVersion"),
                Arguments.of("unknown field in data", "{" + id + ",\"type\":\"KeyAccountDesignated\",\"data\":{\"rationale\":\"r\",\"bonus\":1}}",
                        400, "validation", "data.bonus"),
                Arguments.of("unknown envelope field", "{" + id + ",\"type\":\"KeyAccountDesignated\",\"priority\":1,\"data\":{\"rationale\":\"r\"}}",
                        400, "validation", "priority"),
                Arguments.of("bad event id", "{\"eventId\":\"<script>\",\"occurredAt\":\"2026-01-05T09:00:00Z\",\"type\":\"KeyAccountDesignated\",\"data\":{\"rationale\":\"r\"}}",
                        400, "validation", "eventId"),
                Arguments.of("injection in country", "{" + id + ",\"type\":\"AccountRegistered\",\"data\":{\"name\":\"A\",\"sector\":\"S\",\"country\":\"DE'; DROP TABLE account_events;--\"}}",
                        400, "validation", "data.country"),
                Arguments.of("negative expectedVersion", "{" + id + ",\"expectedVersion\":-1,\"type\":\"KeyAccountDesignated\",\"data\":{\"rationale\":\"r\"}}",
                        400, "validation", "expectedVersion"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void badBodiesAreRefusedWithAProblem(String label, String body, int status, String type, String field) {
        var response = given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON).body(body)
                .when().post("/api/accounts/{id}/events", Events.newAccountId())
                .then().statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kam-platform:problem:" + type))
                .body("status", equalTo(status));
        if (field != null) {
            response.body("violations.field", hasItem(field));
        }
    }

    @Test
    void anOversizedBodyGets413() {
        String name = "x".repeat(70 * 1024);
        given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                .body(Events.registration(Events.newEventId(), name))
                .when().post("/api/accounts/{id}/events", Events.newAccountId())
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kam-platform:problem:payload-too-large"));
    }

    @Test
    void anOverlongFieldGets400() {
        given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                .body(Events.registration(Events.newEventId(), "n".repeat(201)))
                .when().post("/api/accounts/{id}/events", Events.newAccountId())
                .then().statusCode(400).body("violations.field", hasItem("data.name"));
    }

    @Test
    void aRuleViolationGets422WithItsCode() {
        given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                .body(Events.designation(Events.newEventId(), null))
                .when().post("/api/accounts/{id}/events", Events.newAccountId())
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kam-platform:problem:rule-violation"))
                .body("code", equalTo("ACCOUNT_NOT_REGISTERED"));
    }

    @Test
    void anotherCurrencyGets422OnTheField() {
        String accountId = Events.newAccountId();
        given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                .body(Events.registration(Events.newEventId(), "Dollar Corp"))
                .when().post("/api/accounts/{id}/events", accountId).then().statusCode(201);
        eventsBefore++;
        given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                .body(Events.event(Events.newEventId(), "SalesPotentialAssessed", "2026-01-05T09:00:00Z", null,
                        "{\"annualPotential\":{\"amount\":\"10\",\"currency\":\"USD\"},\"rationale\":\"r\"}"))
                .when().post("/api/accounts/{id}/events", accountId)
                .then().statusCode(422)
                .body("code", equalTo("CURRENCY_NOT_SUPPORTED"))
                .body("violations.field", hasItem("data.annualPotential.currency"));
    }

    @Test
    void aBadAccountIdInThePathGets400() {
        given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                .body(Events.registration(Events.newEventId(), "A"))
                .when().post("/api/accounts/{id}/events", "bad id with spaces")
                .then().statusCode(400).body("violations.field", hasItem("accountId"));
    }

    @Test
    void anotherContentTypeGets415() {
        given().auth().oauth2(Tokens.writer()).contentType(ContentType.TEXT).body("hello")
                .when().post("/api/accounts/{id}/events", Events.newAccountId())
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void anEmptyBodyGets400() {
        given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                .when().post("/api/accounts/{id}/events", Events.newAccountId())
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void noTokenGets401() {
        given().contentType(ContentType.JSON).body(Events.registration(Events.newEventId(), "A"))
                .when().post("/api/accounts/{id}/events", Events.newAccountId())
                .then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .contentType("application/problem+json");
        given().when().get("/api/accounts/{id}", "ACME").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{\"items\":[]}")
                .when().post("/api/account-events/batch").then().statusCode(401);
    }

    @Test
    void aForgedTokenGets401() {
        String token = Tokens.writer();
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        given().auth().oauth2(forged).contentType(ContentType.JSON).body(Events.registration(Events.newEventId(), "A"))
                .when().post("/api/accounts/{id}/events", Events.newAccountId())
                .then().statusCode(401);
    }

    @Test
    void theWrongRoleGets403() {
        given().auth().oauth2(Tokens.reader()).contentType(ContentType.JSON).body(Events.registration(Events.newEventId(), "A"))
                .when().post("/api/accounts/{id}/events", Events.newAccountId())
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.reader()).contentType(ContentType.JSON).body("{\"items\":[]}")
                .when().post("/api/account-events/batch").then().statusCode(403);
    }

    private long storedEvents() {
        return pool.query("SELECT count(*) FROM event_store").execute()
                .await().indefinitely().iterator().next().getLong(0);
    }
}
