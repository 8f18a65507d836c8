package io.kamplatform.account.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.kamplatform.account.support.Events;
import io.kamplatform.account.support.PlanEvents;
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

/** Bad plan facts get a 4xx problem+json naming the field or the rule, and nothing is stored. */
@QuarkusTest
class AccountPlanBadInputTest {

    /** A key account with plan P-2026 and its objective O-1, so the rules behind the shape checks are reached. */
    static String planned;

    @Inject
    Pool pool;

    long eventsBefore;

    void plannedKeyAccount() {
        if (planned != null) {
            return;
        }
        planned = AccountPlanPublicationTest.keyAccount();
        AccountPlanPublicationTest.post(planned, "AccountPlanPublished", PlanEvents.plan2026());
        AccountPlanPublicationTest.post(planned, "ObjectiveSet", PlanEvents.objective("O-1", "2026-12-31"));
    }

    @BeforeEach
    void countEvents() {
        plannedKeyAccount();
        eventsBefore = storedEvents();
    }

    @AfterEach
    void nothingStored() {
        assertThat(storedEvents()).as("events in the store").isEqualTo(eventsBefore);
    }

    static Stream<Arguments> badPlanFacts() {
        String plan = PlanEvents.plan2026();
        return Stream.of(
                Arguments.of("plan without mission", "AccountPlanPublished", plan.replace("\"missionStatement\":\"Preferred supplier for drive units\",", ""),
                        400, "validation", "data.missionStatement"),
                Arguments.of("blank mission", "AccountPlanPublished", plan.replace("Preferred supplier for drive units", "  "),
                        400, "validation", "data.missionStatement"),
                Arguments.of("mission over 2000 characters", "AccountPlanPublished", plan.replace("Preferred supplier for drive units", "m".repeat(2001)),
                        400, "validation", "data.missionStatement"),
                Arguments.of("share of wallet over 100 %", "AccountPlanPublished", plan.replace("\"shareOfWalletTargetPct\":35", "\"shareOfWalletTargetPct\":100.5"),
                        400, "validation", "data.shareOfWalletTargetPct"),
                Arguments.of("share of wallet as a string", "AccountPlanPublished", plan.replace("\"shareOfWalletTargetPct\":35", "\"shareOfWalletTargetPct\":\"35\""),
                        400, "validation", "data.shareOfWalletTargetPct"),
                Arguments.of("period start not a date", "AccountPlanPublished", plan.replace("\"2026-01-01\"", "\"next January\""),
                        400, "validation", "data.periodStart"),
                Arguments.of("placeholder period end", "AccountPlanPublished", plan.replace("\"2026-12-31\"", "\"9999-12-31\""),
                        400, "validation", "data.periodEnd"),
                Arguments.of("revenue target as a number", "AccountPlanPublished", plan.replace("\"3000000.00\"", "3000000"),
                        400, "validation", "data.revenueTarget.amount"),
                Arguments.of("sponsor id with a space", "AccountPlanPublished", plan.replace("exec-1", "exec 1"),
                        400, "validation", "data.executiveSponsorId"),
                Arguments.of("unknown plan field", "AccountPlanPublished", plan.replace("{\"planId\"", "{\"budget\":1,\"planId\""),
                        400, "validation", "data.budget"),
                Arguments.of("target value as a string", "ObjectiveSet", PlanEvents.objective("O-2", "2026-06-30").replace("\"targetValue\":35", "\"targetValue\":\"35\""),
                        400, "validation", "data.targetValue"),
                Arguments.of("target value with 5 decimals", "ObjectiveSet", PlanEvents.objective("O-2", "2026-06-30").replace("\"targetValue\":35", "\"targetValue\":35.12345"),
                        400, "validation", "data.targetValue"),
                Arguments.of("objective without owner", "ObjectiveSet", PlanEvents.objective("O-2", "2026-06-30").replace(",\"ownerId\":\"kam-1\"", ""),
                        400, "validation", "data.ownerId"),
                Arguments.of("unknown owner function", "ActionPlanned", PlanEvents.action("A-1", "O-1", "2026-03-31").replace("TECHNICAL", "JANITOR"),
                        400, "validation", "data.ownerFunction"),
                Arguments.of("unknown review outcome", "PlanReviewed", PlanEvents.review("GREAT"), 400, "validation", "data.outcome"),
                Arguments.of("missed without reason", "ObjectiveMissed", "{\"planId\":\"P-2026\",\"objectiveId\":\"O-1\"}",
                        400, "validation", "data.reason"),
                Arguments.of("progress on an unknown objective", "ObjectiveProgressReported", PlanEvents.progress("O-9", "1"),
                        422, "rule-violation", "data.objectiveId"),
                Arguments.of("review of an unknown plan", "PlanReviewed", PlanEvents.review("ON_TRACK").replace("P-2026", "P-1999"),
                        422, "rule-violation", "data.planId"),
                Arguments.of("objective due after the period", "ObjectiveSet", PlanEvents.objective("O-2", "2027-01-01"),
                        422, "rule-violation", "data.dueOn"),
                Arguments.of("action for an unknown objective", "ActionPlanned", PlanEvents.action("A-1", "O-9", "2026-03-31"),
                        422, "rule-violation", "data.objectiveId"),
                Arguments.of("completing an unplanned action", "ActionCompleted", "{\"planId\":\"P-2026\",\"actionId\":\"A-9\"}",
                        422, "rule-violation", "data.actionId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPlanFacts")
    void badPlanFactsAreRefusedWithAProblem(String label, String type, String data, int status, String problem, String field) {
        given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                .body(Events.event(Events.newEventId(), type, "2026-01-10T09:00:00Z", null, data))
                .when().post("/api/accounts/{id}/events", planned)
                .then().statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kam-platform:problem:" + problem))
                .body("violations.field", hasItem(field));
    }

    @Test
    void aPlanForANonKeyAccountGets422WithItsCode() {
        String accountId = Events.newAccountId();
        given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                .body(Events.registration(Events.newEventId(), "Not Key Ltd"))
                .when().post("/api/accounts/{id}/events", accountId).then().statusCode(201);
        eventsBefore++;
        given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                .body(Events.event(Events.newEventId(), "AccountPlanPublished", "2026-01-10T09:00:00Z", null, PlanEvents.plan2026()))
                .when().post("/api/accounts/{id}/events", accountId)
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("NOT_A_KEY_ACCOUNT"));
        given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                .body(Events.event(Events.newEventId(), "AccountPlanPublished", "2026-01-10T09:00:00Z", null, PlanEvents.plan2026()))
                .when().post("/api/accounts/{id}/events", Events.newAccountId())
                .then().statusCode(422).body("code", equalTo("ACCOUNT_NOT_REGISTERED"));
    }

    @Test
    void readingPlansNeedsARoleAndAValidId() {
        given().when().get("/api/accounts/{id}/plans", planned).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.reader()).when().get("/api/accounts/{id}/plans", "bad id")
                .then().statusCode(400).body("violations.field", hasItem("accountId"));
        given().auth().oauth2(Tokens.reader()).when().get("/api/accounts/{id}/plans/events?limit=ten", planned)
                .then().statusCode(400).body("violations.field", hasItem("limit"));
        given().auth().oauth2(Tokens.reader()).when().get("/api/accounts/{id}/plans/events?limit=501", planned)
                .then().statusCode(400).body("violations.field", hasItem("limit"));
    }

    @Test
    void onlyWritersRecordPlanFacts() {
        given().auth().oauth2(Tokens.reader()).contentType(ContentType.JSON)
                .body(Events.event(Events.newEventId(), "PlanReviewed", "2026-01-10T09:00:00Z", null, PlanEvents.review("ON_TRACK")))
                .when().post("/api/accounts/{id}/events", planned)
                .then().statusCode(403).contentType("application/problem+json");
    }

    private long storedEvents() {
        return pool.query("SELECT count(*) FROM event_store").execute()
                .await().indefinitely().iterator().next().getLong(0);
    }
}
