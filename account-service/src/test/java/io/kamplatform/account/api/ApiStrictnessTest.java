package io.kamplatform.account.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.kamplatform.account.support.Batches;
import io.kamplatform.account.support.Events;
import io.kamplatform.account.support.Tokens;
import io.kamplatform.kit.testing.EnvelopeViolations;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a lenient reader would take and this API refuses, on purpose: the envelope's types and plausible instants,
 * amounts written exactly as the currency allows, NUL characters; and problems that read as sentences.
 */
@QuarkusTest
class ApiStrictnessTest {

    @Inject
    Pool pool;

    static Stream<EnvelopeViolations.Case> envelopes() {
        return EnvelopeViolations.of(Events.designation("evt-envelope-1", null)).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("envelopes")
    void aLenientEnvelopeIsRefusedOnItsField(EnvelopeViolations.Case bad) {
        long before = storedEvents();
        var answer = given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON).body(bad.body())
                .when().post("/api/accounts/{id}/events", Events.newAccountId())
                .then().statusCode(400).contentType("application/problem+json");
        if (bad.field() != null) {
            answer.body("violations.field", hasItem(bad.field()));
        }
        assertThat(storedEvents()).isEqualTo(before);
    }

    @ParameterizedTest(name = "amount {0}")
    @ValueSource(strings = {"\"0.001\"", "\"12.345\"", "\" 1\"", "\"1 \"", "\"+5\"", "\"1E+3\"", "\"0x10\"", "\".5\"", "\"5.\"",
            "1250.5", "100"})
    void anAmountIsAnExactDecimalStringWithinTheCurrencysDecimals(String amount) {
        String accountId = registered();
        given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                .body(Events.event(Events.newEventId(), "SalesPotentialAssessed", "2026-01-05T09:00:00Z", null,
                        "{\"annualPotential\":{\"amount\":" + amount + ",\"currency\":\"EUR\"},\"rationale\":\"r\"}"))
                .when().post("/api/accounts/{id}/events", accountId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("data.annualPotential.amount"));
    }

    @Test
    void trailingZerosBeyondTheCurrencysDecimalsAreFine() {
        String accountId = registered();
        given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                .body(Events.event(Events.newEventId(), "SalesPotentialAssessed", "2026-01-05T09:00:00Z", null,
                        "{\"annualPotential\":{\"amount\":\"2500.5000\",\"currency\":\"EUR\"},\"rationale\":\"r\"}"))
                .when().post("/api/accounts/{id}/events", accountId)
                .then().statusCode(201);
    }

    @Test
    void aNulCharacterIsRefusedOnItsFieldNot500() {
        given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                .body(Events.registration(Events.newEventId(), "Nul\\u0000 GmbH"))
                .when().post("/api/accounts/{id}/events", Events.newAccountId())
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("data.name"));
    }

    @Test
    void aNulCharacterInABatchRefusesOnlyItsItem() {
        String good = Events.newAccountId();
        String bad = Events.newAccountId();
        JsonPath answer = given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                .body("{\"items\":[" + Batches.registration(good) + ","
                        + Batches.item(bad, "AccountRegistered", "{\"name\":\"Bad\",\"sector\":\"Re\\u0000tail\",\"country\":\"DE\"}") + ","
                        + Batches.item("evt\\u0000", "KeyAccountDesignated", "{\"rationale\":\"r\"}") + "]}")
                .when().post("/api/account-events/batch")
                .then().statusCode(200).extract().jsonPath();
        assertThat(answer.getInt("recorded")).isEqualTo(1);
        assertThat(answer.getString("results[0].status")).isEqualTo("RECORDED");
        assertThat(answer.getList("results[1].problem.violations.field", String.class)).contains("items[1].data.sector");
        assertThat(answer.getList("results[2].problem.violations.field", String.class)).contains("items[2].accountId");
    }

    @Test
    void aLenientBatchItemIsRefusedAloneOnItsField() {
        String accountId = Events.newAccountId();
        JsonPath answer = given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                .body("{\"items\":[" + Batches.registration(accountId) + ","
                        + Batches.item(accountId, "KeyAccountDesignated", "{\"rationale\":\"r\"}").replace("\"occurredAt\":\"2026-01-10T08:00:00Z\"", "\"occurredAt\":1767225600") + ","
                        + Batches.item(accountId, "KeyAccountDesignated", "{\"rationale\":\"r\"}").replaceFirst("\"eventId\":\"[^\"]+\"", "\"eventId\":123") + "]}")
                .when().post("/api/account-events/batch")
                .then().statusCode(200).extract().jsonPath();
        assertThat(answer.getInt("recorded")).isEqualTo(1);
        assertThat(answer.getList("results[1].problem.violations.field", String.class)).contains("items[1].occurredAt");
        assertThat(answer.getList("results[2].problem.violations.field", String.class)).contains("items[2].eventId");
    }

    @Test
    void otherControlCharactersAreKeptExactly() {
        String accountId = Events.newAccountId();
        given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                .body(Events.registration(Events.newEventId(), "Tab\\tBell\\u0007Del\\u007fLine\\nEnd"))
                .when().post("/api/accounts/{id}/events", accountId).then().statusCode(201);
        given().auth().oauth2(Tokens.reader()).when().get("/api/accounts/{id}", accountId)
                .then().statusCode(200).body("name", equalTo("Tab\tBell\u0007Del\u007fLine\nEnd"));
    }

    @Test
    void aCorrectionBelowZeroIsExplainedInASentence() {
        String accountId = registered();
        given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                .body(Events.revenue(Events.newEventId(), "2026-01", "1250.00", "800.50"))
                .when().post("/api/accounts/{id}/events", accountId).then().statusCode(201);
        given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                .body(Events.event(Events.newEventId(), "RevenueCorrected", "2026-03-01T00:00:00Z", null,
                        "{\"month\":\"2026-01\",\"revenueDelta\":{\"amount\":\"-2000\",\"currency\":\"EUR\"},"
                                + "\"costOfSalesDelta\":{\"amount\":\"0\",\"currency\":\"EUR\"},\"reason\":\"credit note\"}"))
                .when().post("/api/accounts/{id}/events", accountId)
                .then().statusCode(422)
                .body("code", equalTo("CORRECTION_BELOW_ZERO"))
                .body("detail", not(containsString("[")))
                .body("detail", not(containsString("=")))
                .body("detail", containsString("EUR 1,250.00"))
                .body("detail", containsString("EUR -750.00"));
    }

    private String registered() {
        String accountId = Events.newAccountId();
        given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                .body(Events.registration(Events.newEventId(), "Strict GmbH"))
                .when().post("/api/accounts/{id}/events", accountId).then().statusCode(201);
        return accountId;
    }

    private long storedEvents() {
        return pool.query("SELECT count(*) FROM event_store").execute()
                .await().indefinitely().iterator().next().getLong(0);
    }

}
