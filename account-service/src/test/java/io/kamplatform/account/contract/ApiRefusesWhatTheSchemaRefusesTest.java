package io.kamplatform.account.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kamplatform.account.store.AccountEventType;
import io.kamplatform.account.support.Events;
import io.kamplatform.account.support.Tokens;
import io.kamplatform.kit.testing.SchemaViolations;
import io.kamplatform.kit.testing.SchemaViolations.Mutation;
import io.kamplatform.kit.testing.contract.PublishedEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The API and the published JSON Schemas agree: every class of violation the schema of an event type refuses
 * (generated from the schema, see {@link SchemaViolations}) is refused by the API too, on the field the schema
 * names, and nothing is stored. The mutations go in as one batch per type, so each gets its own problem.
 */
@QuarkusTest
class ApiRefusesWhatTheSchemaRefusesTest {

    private static String registeredAccount;

    @ParameterizedTest(name = "{0}")
    @EnumSource(AccountEventType.class)
    void everySchemaViolationIsRefusedOnItsField(AccountEventType type) {
        String accountId = registeredAccount();
        List<Mutation> mutations = SchemaViolations.of(AccountEvents.PUBLISHED.readSchemaFile(type),
                (ObjectNode) PublishedEvents.golden(type.typeName()),
                data -> AccountEvents.PUBLISHED.validate(type.typeName(), data).isEmpty());
        assertThat(mutations).as("violations generated for %s", type).hasSizeGreaterThan(5);

        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        for (Mutation mutation : mutations) {
            ObjectNode item = items.addObject();
            item.put("accountId", accountId).put("eventId", Events.newEventId()).put("type", type.typeName())
                    .put("occurredAt", "2026-03-01T10:00:00Z").set("data", mutation.data());
        }
        JsonPath answer = given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                .body(JsonNodeFactory.instance.objectNode().set("items", items).toString())
                .when().post("/api/account-events/batch")
                .then().statusCode(200).extract().jsonPath();

        SoftAssertions softly = new SoftAssertions();
        for (int i = 0; i < mutations.size(); i++) {
            Mutation mutation = mutations.get(i);
            Map<String, Object> problem = answer.getMap("results[" + i + "].problem");
            softly.assertThat(answer.getString("results[" + i + "].status")).as("%s %s: %s", type, mutation, mutation.data())
                    .isEqualTo("REJECTED");
            if (problem == null) {
                continue;
            }
            String field = "items[" + i + "].data." + mutation.path().split("[.\\[]")[0];
            List<String> fields = answer.getList("results[" + i + "].problem.violations.field");
            softly.assertThat(fields).as("%s %s: %s -> %s", type, mutation, mutation.data(), problem)
                    .isNotNull().anyMatch(f -> f.equals(field) || f.startsWith(field + ".") || f.startsWith(field + "["));
        }
        softly.assertThat(answer.getInt("recorded")).as("recorded").isZero();
        softly.assertAll();
    }

    /** One registered key account, so the rules that need one (amounts, currencies, a plan's revenue target) are reached. */
    private static synchronized String registeredAccount() {
        if (registeredAccount == null) {
            registeredAccount = Events.newAccountId();
            given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                    .body(Events.registration(Events.newEventId(), "Schema Sweep GmbH"))
                    .when().post("/api/accounts/{id}/events", registeredAccount).then().statusCode(201);
            given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                    .body(Events.designation(Events.newEventId(), 1L))
                    .when().post("/api/accounts/{id}/events", registeredAccount).then().statusCode(201);
        }
        return registeredAccount;
    }

}
