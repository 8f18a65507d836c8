package io.kamplatform.relationship.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import io.kamplatform.kit.testing.EnvelopeViolations;
import io.kamplatform.relationship.support.Accounts;
import io.kamplatform.relationship.support.Events;
import io.kamplatform.relationship.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a lenient reader would take and this API refuses, on purpose (envelope types, implausible dates, NUL
 * characters), and what it now takes on purpose: a contract value above its list value.
 */
@QuarkusTest
class ApiStrictnessTest {

    private static String accountId;

    @Inject
    Pool pool;

    static Stream<EnvelopeViolations.Case> envelopes() {
        return EnvelopeViolations.of(Events.event("evt-envelope-1", "CompetitorActivityObserved", "2026-03-01T10:00:00Z", null,
                "{\"competitor\":\"Rival AG\",\"threat\":\"HIGH\"}")).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("envelopes")
    void aLenientEnvelopeIsRefusedOnItsField(EnvelopeViolations.Case bad) {
        var answer = given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON).body(bad.body())
                .when().post("/api/accounts/{id}/events", account())
                .then().statusCode(400).contentType("application/problem+json");
        if (bad.field() != null) {
            answer.body("violations.field", hasItem(bad.field()));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"startsOn, 0001-01-01", "startsOn, 1899-12-31", "endsOn, 9999-12-31", "endsOn, 2101-01-01"})
    void aContractDateOutsideThePlausibleRangeIsRefused(String field, String date) {
        String data = contract(newContractId(), "1000.00", "1200.00").replace("\"" + field + "\":\"" + (field.equals("startsOn") ? "2026-01-01" : "2027-12-31") + "\"",
                "\"" + field + "\":\"" + date + "\"");
        given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON).body(Events.event("ContractSigned", data))
                .when().post("/api/accounts/{id}/events", account())
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("data." + field));
    }

    @Test
    void aContractAboveItsListValueIsRecorded() {
        given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                .body(Events.event("ContractSigned", contract(newContractId(), "1250.00", "1000.00")))
                .when().post("/api/accounts/{id}/events", account())
                .then().statusCode(201);
    }

    @Test
    void aNulCharacterInABatchRefusesOnlyItsItem() {
        String item = "{\"accountId\":\"" + account() + "\",\"eventId\":\"%s\",\"type\":\"CompetitorActivityObserved\","
                + "\"occurredAt\":\"2026-03-01T10:00:00Z\",\"data\":{\"competitor\":\"%s\",\"threat\":\"HIGH\",\"note\":\"%s\"}}";
        JsonPath answer = given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                .body("{\"items\":[" + item.formatted(Accounts.newEventId(), "Rival AG", "fine") + ","
                        + item.formatted(Accounts.newEventId(), "Rival AG", "bad\\u0000note") + ","
                        + item.formatted(Accounts.newEventId(), "Rival\\u0000 AG", "fine") + "]}")
                .when().post("/api/relationship-events/batch")
                .then().statusCode(200).extract().jsonPath();
        assertThat(answer.getInt("recorded")).isEqualTo(1);
        assertThat(answer.getList("results[1].problem.violations.field", String.class)).contains("items[1].data.note");
        assertThat(answer.getList("results[2].problem.violations.field", String.class)).contains("items[2].data.competitor");
    }

    private static String contract(String contractId, String annual, String list) {
        return "{\"contractId\":\"" + contractId + "\",\"startsOn\":\"2026-01-01\",\"endsOn\":\"2027-12-31\","
                + "\"annualValue\":{\"amount\":\"" + annual + "\",\"currency\":\"EUR\"},"
                + "\"listValue\":{\"amount\":\"" + list + "\",\"currency\":\"EUR\"},\"expectedMarginPct\":20,"
                + "\"serviceLevel\":\"Premium\",\"preferredSupplier\":true}";
    }

    private static String newContractId() {
        return "CTR-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private synchronized String account() {
        if (accountId == null) {
            accountId = Accounts.registered(pool);
        }
        return accountId;
    }
}
