package io.kamplatform.account.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.kamplatform.account.support.AccountTopic;
import io.kamplatform.account.support.Batches;
import io.kamplatform.account.support.Events;
import io.kamplatform.account.support.PlanEvents;
import io.kamplatform.account.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Account plans through the real pipeline: posted (one by one and in a batch with the account's registration and
 * designation) → decided against the account's key status → stored on the plan stream → on kam.account.events with the
 * account as key, read by a plain consumer.
 */
@QuarkusTest
class AccountPlanPublicationTest {

    static AccountTopic topic;

    @BeforeAll
    static void subscribe() {
        topic = new AccountTopic();
    }

    @AfterAll
    static void close() {
        topic.close();
    }

    @Test
    void aKeyAccountsPlanIsPublishedOnItsOwnStreamInOrder() {
        String accountId = keyAccount();
        String planEventId = Events.newEventId();
        given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                .body(Events.event(planEventId, "AccountPlanPublished", "2026-01-10T09:00:00Z", 0L, PlanEvents.plan2026()))
                .when().post("/api/accounts/{id}/events", accountId)
                .then().statusCode(201).header("ETag", "\"1\"").body("version", equalTo(1));
        post(accountId, "ObjectiveSet", PlanEvents.objective("O-1", "2026-12-31"));
        post(accountId, "ActionPlanned", PlanEvents.action("A-1", "O-1", "2026-03-31"));
        post(accountId, "ObjectiveProgressReported", PlanEvents.progress("O-1", "27.5"));
        post(accountId, "ActionCompleted", "{\"planId\":\"P-2026\",\"actionId\":\"A-1\"}");
        post(accountId, "PlanReviewed", PlanEvents.review("ON_TRACK"));

        List<ConsumerRecord<String, String>> records = topic.recordsFor(List.of(accountId), r -> r.size() >= 8,
                Duration.ofSeconds(30));
        assertThat(records).extracting(r -> AccountTopic.header(r, "ce_type")).containsExactly("AccountRegistered",
                "KeyAccountDesignated", "AccountPlanPublished", "ObjectiveSet", "ActionPlanned", "ObjectiveProgressReported",
                "ActionCompleted", "PlanReviewed");
        List<ConsumerRecord<String, String>> plan = records.subList(2, 8);
        assertThat(plan).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo(accountId);
            assertThat(AccountTopic.header(r, "ce_subject")).isEqualTo(accountId);
            assertThat(AccountTopic.header(r, "ce_streamid")).isEqualTo("plans/" + accountId);
            assertThat(AccountTopic.header(r, "ce_source")).isEqualTo("/kam-platform/account-service");
            assertThat(AccountTopic.header(r, "ce_dataschema")).startsWith("/schemas/account-events/v1/");
        });
        assertThat(plan).extracting(r -> AccountTopic.header(r, "ce_streamversion")).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(AccountTopic.header(plan.get(0), "ce_id")).isEqualTo(planEventId);
        JsonObject published = new JsonObject(plan.get(0).value());
        assertThat(published.getJsonObject("revenueTarget").getString("amount")).isEqualTo("3000000.00");
        assertThat(published.getString("periodEnd")).isEqualTo("2026-12-31");

        JsonPath view = given().auth().oauth2(Tokens.reader()).when().get("/api/accounts/{id}/plans", accountId)
                .then().statusCode(200).header("ETag", "\"6\"").extract().jsonPath();
        assertThat(view.getString("plans[0].planId")).isEqualTo("P-2026");
        assertThat(view.getInt("plans[0].reviews")).isEqualTo(1);
        assertThat(view.getString("plans[0].lastReviewOutcome")).isEqualTo("ON_TRACK");
        assertThat(view.getString("plans[0].objectives[0].status")).isEqualTo("OPEN");
        assertThat(view.getFloat("plans[0].objectives[0].latestValue")).isEqualTo(27.5f);
        assertThat(view.getBoolean("plans[0].actions[0].completed")).isTrue();
        // The account's own stream did not move: plans have a stream of their own.
        given().auth().oauth2(Tokens.reader()).when().get("/api/accounts/{id}", accountId)
                .then().statusCode(200).header("ETag", "\"2\"");
        given().auth().oauth2(Tokens.reader()).when().get("/api/accounts/{id}/plans/events?limit=2", accountId)
                .then().statusCode(200).body("events[1].type", equalTo("ObjectiveSet")).body("nextFromVersion", equalTo(3));
    }

    @Test
    void oneBatchRegistersDesignatesAndPlans() {
        String accountId = Events.newAccountId();
        String plain = Events.newAccountId();
        JsonPath answer = given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                .body("{\"items\":[" + String.join(",", List.of(
                        Batches.registration(accountId),
                        Batches.item(accountId, "KeyAccountDesignated", "{\"rationale\":\"potential\"}"),
                        Batches.item(accountId, "AccountPlanPublished", PlanEvents.plan2026()),
                        Batches.item(accountId, "ObjectiveSet", PlanEvents.objective("O-1", "2026-06-30")),
                        Batches.registration(plain),
                        Batches.item(plain, "AccountPlanPublished", PlanEvents.plan2026()),
                        Batches.item(accountId, "KeyAccountDesignationRevoked", "{\"reason\":\"potential fell\"}"),
                        Batches.item(accountId, "ActionPlanned", PlanEvents.action("A-1", "O-1", "2026-05-31")),
                        Batches.item(accountId, "ObjectiveMissed", "{\"planId\":\"P-2026\",\"objectiveId\":\"O-1\",\"reason\":\"lost status\"}")))
                        + "]}")
                .when().post("/api/account-events/batch")
                .then().statusCode(200).extract().jsonPath();
        assertThat(answer.getList("results.status", String.class)).containsExactly("RECORDED", "RECORDED", "RECORDED",
                "RECORDED", "RECORDED", "REJECTED", "RECORDED", "REJECTED", "RECORDED");
        assertThat(answer.getString("results[5].problem.code")).isEqualTo("NOT_A_KEY_ACCOUNT");
        assertThat(answer.getString("results[7].problem.code")).isEqualTo("NOT_A_KEY_ACCOUNT");
        assertThat(answer.getLong("results[3].receipt.version")).isEqualTo(2);

        given().auth().oauth2(Tokens.reader()).when().get("/api/accounts/{id}/plans", plain)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void planRulesAnswer422AndStaleVersions409() {
        String accountId = keyAccount();
        post(accountId, "AccountPlanPublished", PlanEvents.plan2026());
        given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                .body(Events.event(Events.newEventId(), "ObjectiveSet", "2026-01-10T09:00:00Z", null,
                        PlanEvents.objective("O-1", "2027-01-31")))
                .when().post("/api/accounts/{id}/events", accountId)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:kam-platform:problem:rule-violation"))
                .body("code", equalTo("DUE_DATE_OUTSIDE_PERIOD"))
                .body("violations[0].field", equalTo("data.dueOn"));
        given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                .body(Events.event(Events.newEventId(), "AccountPlanPublished", "2026-01-10T09:00:00Z", null,
                        PlanEvents.plan("P-H2", "2026-07-01", "2027-06-30")))
                .when().post("/api/accounts/{id}/events", accountId)
                .then().statusCode(422).body("code", equalTo("PLAN_PERIOD_OVERLAPS"));
        // expectedVersion is the plan stream's (1), not the account's (2).
        given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                .body(Events.event(Events.newEventId(), "PlanReviewed", "2026-01-10T09:00:00Z", 2L, PlanEvents.review("AT_RISK")))
                .when().post("/api/accounts/{id}/events", accountId)
                .then().statusCode(409).body("currentVersion", equalTo(1));
        String retried = Events.event(Events.newEventId(), "PlanReviewed", "2026-01-10T09:00:00Z", 1L, PlanEvents.review("AT_RISK"));
        post(accountId, retried, 201);
        post(accountId, retried, 200);
        given().auth().oauth2(Tokens.reader()).when().get("/api/accounts/{id}/plans", accountId)
                .then().statusCode(200).header("ETag", "\"2\"").body("plans[0].reviews", equalTo(1));
    }

    @Test
    void parallelPlansForOnePeriodLeaveExactlyOne() throws Exception {
        String accountId = keyAccount();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String body = Events.event(Events.newEventId(), "AccountPlanPublished", "2026-01-10T09:00:00Z", null,
                        PlanEvents.plan("P-" + i, "2026-0" + (1 + i) + "-01", "2026-12-31"));
                answers.add(clients.submit(() -> given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                        .body(body).when().post("/api/accounts/{id}/events", accountId).andReturn()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get(60, TimeUnit.SECONDS);
                statuses.add(response.statusCode());
                if (response.statusCode() == 422) {
                    assertThat(response.jsonPath().getString("code")).isEqualTo("PLAN_PERIOD_OVERLAPS");
                }
            }
            assertThat(statuses).containsOnly(201, 422).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            clients.shutdownNow();
        }
        given().auth().oauth2(Tokens.reader()).when().get("/api/accounts/{id}/plans", accountId)
                .then().statusCode(200).header("ETag", "\"1\"").body("plans.size()", equalTo(1));
    }

    /** A registered key account (its own stream at version 2). */
    static String keyAccount() {
        String accountId = Events.newAccountId();
        post(accountId, Events.registration(Events.newEventId(), "Planned Industries"), 201);
        post(accountId, Events.designation(Events.newEventId(), 1L), 201);
        return accountId;
    }

    static void post(String accountId, String type, String data) {
        post(accountId, Events.event(Events.newEventId(), type, "2026-01-10T09:00:00Z", null, data), 201);
    }

    static void post(String accountId, String body, int status) {
        given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON).body(body)
                .when().post("/api/accounts/{id}/events", accountId)
                .then().statusCode(status);
    }
}
