package io.kamplatform.reporting.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kamplatform.reporting.support.Fixtures;
import io.kamplatform.reporting.support.Publisher;
import io.kamplatform.reporting.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Account plans through Kafka and PostgreSQL: a key account whose plan (published 120 days ago, never reviewed) has an
 * objective past its due date and a missed one; a key account without a plan. The plan report, plan coverage, and the
 * plan-execution factor of kam-health-2.
 */
@QuarkusTest
class PlanReportsApiTest {

    static final Instant NOW = Instant.now();
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    static final String PLANNED = Publisher.newAccountId();
    static final String UNPLANNED = Publisher.newAccountId();
    static final String MANAGER = "kam-" + PLANNED.toLowerCase();
    static boolean published;

    @BeforeEach
    void publish() {
        if (published) {
            return;
        }
        published = true;
        String plan = "{\"planId\":\"P-" + PLANNED + "\"";
        try (Publisher p = new Publisher()) {
            p.publish(PLANNED, "AccountRegistered", ago(400), Fixtures.registered("Planned Pharma SA"));
            p.publish(PLANNED, "KeyAccountDesignated", ago(390), Fixtures.designated());
            p.publish(PLANNED, "KeyAccountManagerAssigned", ago(390), Fixtures.manager(MANAGER, "Petra Plan"));
            p.publish(PLANNED, "AccountPlanPublished", ago(120), plan + ",\"periodStart\":\"" + TODAY.minusDays(130)
                    + "\",\"periodEnd\":\"" + TODAY.plusDays(235) + "\",\"missionStatement\":\"Preferred partner\","
                    + "\"revenueTarget\":{\"amount\":\"1200000.00\",\"currency\":\"EUR\"},\"shareOfWalletTargetPct\":30,"
                    + "\"executiveSponsorId\":\"ceo\",\"executiveSponsorName\":\"The CEO\"}");
            p.publish(PLANNED, "ObjectiveSet", ago(119), plan + ",\"objectiveId\":\"O-late\",\"metric\":\"audits\","
                    + "\"targetValue\":2,\"dueOn\":\"" + TODAY.minusDays(10) + "\",\"ownerId\":\"" + MANAGER + "\"}");
            p.publish(PLANNED, "ObjectiveSet", ago(119), plan + ",\"objectiveId\":\"O-missed\",\"metric\":\"tender\","
                    + "\"targetValue\":1,\"dueOn\":\"" + TODAY.plusDays(100) + "\",\"ownerId\":\"" + MANAGER + "\"}");
            p.publish(PLANNED, "ObjectiveMissed", ago(30), plan + ",\"objectiveId\":\"O-missed\",\"reason\":\"Lost the tender\"}");
            p.publish(PLANNED, "ActionPlanned", ago(118), plan + ",\"actionId\":\"A-1\",\"objectiveId\":\"O-late\","
                    + "\"description\":\"Book the audit\",\"ownerFunction\":\"TECHNICAL\",\"dueOn\":\"" + TODAY.minusDays(20) + "\"}");
            p.publish(UNPLANNED, "AccountRegistered", ago(400), Fixtures.registered("Unplanned Ltd"));
            p.publish(UNPLANNED, "KeyAccountDesignated", ago(390), Fixtures.designated());
            p.publish(UNPLANNED, "KeyAccountManagerAssigned", ago(390), Fixtures.manager(MANAGER, "Petra Plan"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.reader())
                .when().get("/api/reports/accounts/{id}/timeline", PLANNED)
                .then().extract().jsonPath().getList("events").size() >= 8);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.reader())
                .when().get("/api/reports/accounts/{id}/timeline", UNPLANNED)
                .then().extract().jsonPath().getList("events").size() >= 3);
    }

    static String ago(long days) {
        return NOW.minus(Duration.ofDays(days)).toString();
    }

    @Test
    void thePlanOfAnAccountWithItsStatuses() {
        JsonPath r = get("/api/reports/accounts/" + PLANNED + "/plan", Map.of());
        assertThat(r.getString("current.plan.planId")).isEqualTo("P-" + PLANNED);
        assertThat(r.getString("current.plan.missionStatement")).isEqualTo("Preferred partner");
        assertThat(r.getList("current.objectives.status")).containsExactly("OVERDUE", "MISSED");
        assertThat(r.getString("current.objectives[1].objective.reason")).isEqualTo("Lost the tender");
        assertThat(r.getList("current.overdueActions.actionId")).containsExactly("A-1");
        assertThat(r.getBoolean("current.reviewDue")).isTrue(); // published 120 days ago, never reviewed
        assertThat(r.getBoolean("dataComplete")).isTrue();

        // Before the plan was published there was none.
        JsonPath before = get("/api/reports/accounts/" + PLANNED + "/plan", Map.of("asOf", TODAY.minusDays(125).toString()));
        assertThat(before.getString("current")).isNull();
        assertThat(before.getList("plans")).isEmpty();

        JsonPath none = get("/api/reports/accounts/" + UNPLANNED + "/plan", Map.of());
        assertThat(none.getString("current")).isNull();
        given().auth().oauth2(Tokens.reader()).when().get("/api/reports/accounts/NOBODY-{x}/plan", PLANNED)
                .then().statusCode(404);
        given().when().get("/api/reports/accounts/{id}/plan", PLANNED).then().statusCode(401);
    }

    @Test
    void planCoverageAndPlanExecution() {
        JsonPath c = get("/api/reports/portfolio/plans", Map.of("limit", 1000));
        assertThat(c.getList("withoutPlan.accountId")).contains(UNPLANNED).doesNotContain(PLANNED);
        assertThat(c.getList("reviewDue.accountId")).contains(PLANNED);
        assertThat(c.getInt("overdueActionsByManager.find { it.managerId == '" + MANAGER + "' }.overdueActions"))
                .isEqualTo(1);

        // kam-health-2: objectives 0 (overdue) and 0 (missed) → 0, one overdue action, review due → 0.
        JsonPath h = get("/api/reports/accounts/" + PLANNED + "/health", Map.of("model", "kam-health-2"));
        assertThat(h.getDouble("health.factors.find { it.name == 'Plan execution' }.score")).isEqualTo(0.0);
        assertThat(h.getList("health.topDrivers")).contains("2 plan objectives missed or overdue");
    }

    static JsonPath get(String path, Map<String, ?> query) {
        return given().auth().oauth2(Tokens.reader()).queryParams(query).when().get(path)
                .then().statusCode(200).extract().jsonPath();
    }
}
