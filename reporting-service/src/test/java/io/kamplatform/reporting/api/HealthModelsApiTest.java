package io.kamplatform.reporting.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import io.kamplatform.reporting.support.Fixtures;
import io.kamplatform.reporting.support.Publisher;
import io.kamplatform.reporting.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Health models side by side through Kafka and PostgreSQL: a key account known only by its revenue keeps its band
 * under kam-health-1 (any coverage) and loses it under kam-health-2 (bands from 50% coverage); a well-covered one
 * gains the margin-health factor. ?model= on the health-bearing reports, the models list and the comparison.
 */
@QuarkusTest
class HealthModelsApiTest {

    static final Instant NOW = Instant.now();
    static final String COVERED = Publisher.newAccountId();
    static final String THIN = Publisher.newAccountId();
    static boolean published;

    @BeforeEach
    void publish() {
        if (published) {
            return;
        }
        published = true;
        try (Publisher p = new Publisher()) {
            covered(p);
            thin(p);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.reader())
                .queryParam("limit", 500).when().get("/api/reports/accounts/{id}/timeline", THIN)
                .then().extract().jsonPath().getList("events").size() >= 14);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.reader())
                .queryParam("limit", 500).when().get("/api/reports/accounts/{id}/timeline", COVERED)
                .then().extract().jsonPath().getList("events").size() >= 21);
    }

    static void covered(Publisher p) {
        String a = COVERED;
        p.publish(a, "AccountRegistered", ago(400), Fixtures.registered("Covered Chemicals AG"));
        p.publish(a, "KeyAccountDesignated", ago(390), Fixtures.designated());
        p.publish(a, "ContactAdded", ago(370), Fixtures.contact("c-ceo", "\"DECIDER\",\"SPONSOR\"", "EXECUTIVE"));
        p.publish(a, "ContactAdded", ago(370), Fixtures.contact("c-buy", "\"BUYER\",\"INFLUENCER\"", "MANAGEMENT"));
        for (int i = 0; i < 4; i++) {
            p.publish(a, "InteractionRecorded", ago(5 + i * 20), Fixtures.interaction("i-" + i, "MEETING",
                    "\"c-ceo\",\"c-buy\"", "SALES", true));
        }
        p.publish(a, "ContractSigned", ago(100), Fixtures.contractSigned("K-" + a,
                LocalDate.now(ZoneOffset.UTC).minusDays(100).toString(),
                LocalDate.now(ZoneOffset.UTC).plusYears(2).toString(), true));
        revenue(p, a);
    }

    /** A key account the platform knows only by its invoices: commercial momentum and margin have data, nothing else. */
    static void thin(Publisher p) {
        String a = THIN;
        p.publish(a, "AccountRegistered", ago(400), Fixtures.registered("Thin Data GmbH"));
        p.publish(a, "KeyAccountDesignated", ago(390), Fixtures.designated());
        revenue(p, a);
    }

    static void revenue(Publisher p, String account) {
        YearMonth month = YearMonth.from(NOW.atZone(ZoneOffset.UTC));
        for (int m = 1; m <= 12; m++) {
            p.publish(account, "RevenueRecognized", month.minusMonths(m).plusMonths(1).atDay(1).atStartOfDay()
                    .toInstant(ZoneOffset.UTC).minusSeconds(3600).toString(),
                    Fixtures.revenue(month.minusMonths(m).toString(), "50000.00", "30000.00"));
        }
    }

    static String ago(long days) {
        return NOW.minus(Duration.ofDays(days)).toString();
    }

    @Test
    void theModelsAreListedWithWeightsAndThresholds() {
        JsonPath models = get("/api/reports/models", Map.of());
        assertThat(models.getList("models.version")).containsExactly("kam-health-1", "kam-health-2");
        assertThat(models.getBoolean("models[0].defaultModel")).isTrue();
        assertThat(models.getBoolean("models[1].defaultModel")).isFalse();
        assertThat(models.getList("models[0].factors.key")).containsExactly("dmu-coverage", "engagement", "service",
                "commercial-momentum", "contract-security");
        assertThat(models.getInt("models[1].factors.find { it.key == 'margin-health' }.weight")).isEqualTo(15);
        assertThat(models.getInt("models[1].factors.find { it.key == 'plan-execution' }.weight")).isEqualTo(10);
        assertThat(models.getInt("models[1].minCoveragePct")).isEqualTo(50);
        assertThat(models.getInt("models[0].greenFrom")).isEqualTo(76);
        assertThat(models.getList("factorsAvailable")).contains("margin-health", "plan-execution");
    }

    @Test
    void accountHealthUnderEitherModel() {
        JsonPath one = get("/api/reports/accounts/" + THIN + "/health", Map.of());
        assertThat(one.getString("health.modelVersion")).isEqualTo("kam-health-1");
        assertThat(one.getString("health.band")).isNotNull();
        assertThat(one.getList("health.factors.name")).doesNotContain("Margin health");

        JsonPath two = get("/api/reports/accounts/" + THIN + "/health", Map.of("model", "kam-health-2"));
        assertThat(two.getString("health.modelVersion")).isEqualTo("kam-health-2");
        assertThat(two.getString("health.band")).isNull(); // 30% of the weight has data: below kam-health-2's 50%
        assertThat(two.getList("health.factors.name")).contains("Margin health");
        assertThat(two.getString("health.topDrivers[0]")).startsWith("Insufficient data");

        given().auth().oauth2(Tokens.reader()).queryParam("model", "kam-health-2")
                .when().get("/api/reports/accounts/{id}/stage", COVERED).then().statusCode(200);
    }

    @Test
    void anUnknownModelIsA400NamingTheKnownOnes() {
        given().auth().oauth2(Tokens.reader()).queryParam("model", "kam-health-9")
                .when().get("/api/reports/accounts/{id}/health", THIN)
                .then().statusCode(400).body("violations.field", hasItem("model"));
        given().auth().oauth2(Tokens.reader()).queryParam("model", "nope")
                .when().get("/api/reports/portfolio/health").then().statusCode(400);
        given().auth().oauth2(Tokens.reader()).when().get("/api/reports/portfolio/health/compare")
                .then().statusCode(400).body("violations.field", hasItem("candidate"));
        given().when().get("/api/reports/models").then().statusCode(401);
    }

    @Test
    void portfolioReportsUnderAnotherModelAreFolded() {
        java.time.Instant asked = java.time.Instant.now();
        JsonPath one = get("/api/reports/portfolio/health", Map.of("limit", 1000));
        assertThat(one.getString("readModel.mode")).isEqualTo("CURRENT");
        assertThat(java.time.Instant.parse(one.getString("readModel.statesAsOf")))
                .as("the states a report for now rests on were read after it was asked (max age 0 in tests)")
                .isBetween(asked, java.time.Instant.now());
        assertThat(one.getString("entries.find { it.accountId == '" + THIN + "' }.band")).isNotNull();

        JsonPath two = get("/api/reports/portfolio/health", Map.of("limit", 1000, "model", "kam-health-2"));
        assertThat(two.getString("readModel.mode")).isEqualTo("FOLDED");
        assertThat(two.getString("readModel.statesAsOf")).as("folded: no account states read").isNull();
        assertThat(two.getString("entries.find { it.accountId == '" + THIN + "' }.band")).isNull();

        JsonPath risk = get("/api/reports/portfolio/dependency-risk", Map.of("model", "kam-health-2"));
        assertThat(risk.getString("readModel.mode")).isEqualTo("FOLDED");
        get("/api/reports/managers", Map.of("model", "kam-health-2"));
    }

    @Test
    void comparisonNamesTheBandChangeAndWhatMovedIt() {
        JsonPath c = get("/api/reports/portfolio/health/compare", Map.of("candidate", "kam-health-2", "limit", 1000));
        assertThat(c.getString("base.version")).isEqualTo("kam-health-1");
        assertThat(c.getString("candidate.version")).isEqualTo("kam-health-2");
        assertThat(c.getInt("summary.lostBand")).isGreaterThanOrEqualTo(1);
        assertThat(c.getInt("summary.accounts")).isEqualTo(c.getInt("page.total"));
        Map<String, Object> thin = c.getMap("accounts.find { it.accountId == '" + THIN + "' }");
        assertThat(thin.get("change")).isEqualTo("LOST_BAND");
        assertThat(thin.get("name")).isEqualTo("Thin Data GmbH");
        Map<String, Object> covered = c.getMap("accounts.find { it.accountId == '" + COVERED + "' }");
        assertThat(((Map<?, ?>) covered.get("candidate")).get("model")).isEqualTo("kam-health-2");
        assertThat(covered.get("movedBy")).isNotNull();

        // Any past date: 60 days ago both accounts were key accounts already.
        String past = LocalDate.now(ZoneOffset.UTC).minusDays(60).toString();
        JsonPath then = get("/api/reports/portfolio/health/compare", Map.of("candidate", "kam-health-2",
                "asOf", past, "changed", true, "limit", 1000));
        assertThat(then.getString("asOf")).startsWith(past);
        assertThat(then.getList("accounts.change")).doesNotContain("NONE");
        assertThat(then.getList("accounts.accountId")).contains(THIN);
    }

    static JsonPath get(String path, Map<String, ?> query) {
        return given().auth().oauth2(Tokens.reader()).queryParams(query).when().get(path)
                .then().statusCode(200).extract().jsonPath();
    }
}
