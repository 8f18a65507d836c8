package io.kamplatform.relationship.contract;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kamplatform.kit.testing.SchemaViolations;
import io.kamplatform.kit.testing.SchemaViolations.Mutation;
import io.kamplatform.kit.testing.contract.PublishedEvents;
import io.kamplatform.relationship.store.EventFamily;
import io.kamplatform.relationship.store.RelationshipEventType;
import io.kamplatform.relationship.support.Accounts;
import io.kamplatform.relationship.support.Events;
import io.kamplatform.relationship.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The API and the published JSON Schemas agree: every class of violation the schema of an event type refuses
 * (generated from the schema, see {@link SchemaViolations}) is refused by the API too, on the field the schema
 * names, and nothing is recorded. Contract events name a signed contract (a new one for ContractSigned), so the
 * money rules are reached.
 */
@QuarkusTest
class ApiRefusesWhatTheSchemaRefusesTest {

    private static String accountId;
    private static String signedContract;

    @Inject
    Pool pool;

    @ParameterizedTest(name = "{0}")
    @EnumSource(RelationshipEventType.class)
    void everySchemaViolationIsRefusedOnItsField(RelationshipEventType type) {
        prepare();
        ObjectNode sample = (ObjectNode) PublishedEvents.golden(type.typeName());
        List<Mutation> mutations = SchemaViolations.of(
                RelationshipEvents.PUBLISHED.readSchemaFile(type), sample,
                data -> RelationshipEvents.PUBLISHED.validate(type.typeName(), data).isEmpty());

        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        for (Mutation mutation : mutations) {
            ObjectNode data = (ObjectNode) mutation.data().deepCopy();
            if (type.family() == EventFamily.CONTRACT && !mutation.path().startsWith("contractId")) {
                data.put("contractId", type == RelationshipEventType.CONTRACT_SIGNED ? newContractId() : signedContract);
            }
            items.addObject().put("accountId", accountId).put("eventId", Accounts.newEventId()).put("type", type.typeName())
                    .put("occurredAt", "2026-03-01T10:00:00Z").set("data", data);
        }
        JsonPath answer = given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                .body(JsonNodeFactory.instance.objectNode().set("items", items).toString())
                .when().post("/api/relationship-events/batch")
                .then().statusCode(200).extract().jsonPath();

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(mutations).as("violations generated for %s", type).hasSizeGreaterThan(5);
        for (int i = 0; i < mutations.size(); i++) {
            Mutation mutation = mutations.get(i);
            String label = type + " " + mutation + ": " + mutation.data() + " -> " + answer.getMap("results[" + i + "]");
            softly.assertThat(answer.getString("results[" + i + "].status")).as(label).isEqualTo("REJECTED");
            String field = "items[" + i + "].data." + mutation.path().split("[.\\[]")[0];
            List<String> fields = answer.getList("results[" + i + "].problem.violations.field");
            softly.assertThat(fields).as(label).isNotNull()
                    .anyMatch(f -> f.equals(field) || f.startsWith(field + ".") || f.startsWith(field + "["));
        }
        softly.assertThat(answer.getInt("recorded")).as("recorded").isZero();
        softly.assertAll();
    }

    private synchronized void prepare() {
        if (accountId == null) {
            accountId = Accounts.registered(pool);
            signedContract = newContractId();
            given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                    .body(Events.event("ContractSigned", "{\"contractId\":\"" + signedContract + "\",\"startsOn\":\"2026-01-01\","
                            + "\"endsOn\":\"2027-12-31\",\"annualValue\":{\"amount\":\"100.00\",\"currency\":\"EUR\"},"
                            + "\"listValue\":{\"amount\":\"120.00\",\"currency\":\"EUR\"},\"expectedMarginPct\":20,"
                            + "\"serviceLevel\":\"Basic\",\"preferredSupplier\":false}"))
                    .when().post("/api/accounts/{id}/events", accountId).then().statusCode(201);
        }
    }

    private static String newContractId() {
        return "CTR-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
