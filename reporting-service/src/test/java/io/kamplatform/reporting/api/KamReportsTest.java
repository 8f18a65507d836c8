package io.kamplatform.reporting.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reports through Kafka and PostgreSQL: a healthy integrated partnership and a key account with an overdue
 * critical complaint, published as the writers would, read back as health, stage, DMU map and portfolio views,
 * now and in the past.
 */
@QuarkusTest
class KamReportsTest {

    static final Instant NOW = Instant.now();
    static final String PARTNER = Publisher.newAccountId();
    static final String TROUBLED = Publisher.newAccountId();
    static final String PARTNER_MANAGER = "kam-" + PARTNER.toLowerCase();
    static final String TROUBLED_MANAGER = "kam-" + TROUBLED.toLowerCase();
    static final Instant BEFORE_CONTRACT = NOW.minus(Duration.ofDays(200));

    static boolean published;

    /** Once per class, but after Quarkus has started (rest-assured knows the port only then). */
    @BeforeEach
    void publishStories() {
        if (published) {
            return;
        }
        published = true;
        try (Publisher p = new Publisher()) {
            partnership(p);
            trouble(p);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.reader())
                .queryParam("limit", 500).when().get("/api/reports/accounts/{id}/timeline", TROUBLED)
                .then().extract().jsonPath().getList("events.type").contains("ComplaintRaised"));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.reader())
                .queryParam("limit", 500).when().get("/api/reports/accounts/{id}/timeline", PARTNER)
                .then().extract().jsonPath().getList("events").size() == 26); // every event of partnership(): 7 + 6 + 1 + 12
    }

    static void partnership(Publisher p) {
        String a = PARTNER;
        p.publish(a, "AccountRegistered", ago(400), Fixtures.registered("Integrated Partner SpA"));
        p.publish(a, "KeyAccountDesignated", ago(390), Fixtures.designated());
        p.publish(a, "KeyAccountManagerAssigned", ago(390), Fixtures.manager(PARTNER_MANAGER, "Anna Rossi"));
        p.publish(a, "SalesPotentialAssessed", ago(380), Fixtures.potential("1000000"));
        p.publish(a, "ContactAdded", ago(370), Fixtures.contact("c-ceo", "\"DECIDER\",\"SPONSOR\"", "EXECUTIVE"));
        p.publish(a, "ContactAdded", ago(370), Fixtures.contact("c-buy", "\"BUYER\",\"INFLUENCER\"", "MANAGEMENT"));
        p.publish(a, "ContactAdded", ago(370), Fixtures.contact("c-ops", "\"USER\",\"GATEKEEPER\"", "OPERATIONAL"));
        String[] functions = {"SALES", "TECHNICAL", "SERVICE"};
        for (int i = 0; i < 6; i++) {
            p.publish(a, "InteractionRecorded", ago(5 + i * 12), Fixtures.interaction("i-" + i, "MEETING",
                    "\"c-ceo\",\"c-buy\",\"c-ops\"", functions[i % 3], true));
        }
        p.publish(a, "ContractSigned", ago(100), Fixtures.contractSigned("K-" + a,
                LocalDate.now(ZoneOffset.UTC).minusDays(100).toString(), LocalDate.now(ZoneOffset.UTC).plusYears(3).toString(), true));
        YearMonth month = YearMonth.from(NOW.atZone(ZoneOffset.UTC));
        for (int m = 1; m <= 12; m++) {
            String amount = m <= 3 ? "60000.00" : "40000.00"; // the last quarter grew 50% on the one before
            p.publish(a, "RevenueRecognized", month.minusMonths(m).plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)
                    .minusSeconds(3600).toString(), Fixtures.revenue(month.minusMonths(m).toString(), amount, "30000.00"));
        }
    }

    static void trouble(Publisher p) {
        String a = TROUBLED;
        p.publish(a, "AccountRegistered", ago(300), Fixtures.registered("Troubled Foods Ltd"));
        p.publish(a, "KeyAccountDesignated", ago(290), Fixtures.designated());
        p.publish(a, "KeyAccountManagerAssigned", ago(290), Fixtures.manager(TROUBLED_MANAGER, "Bruno Verdi"));
        p.publish(a, "ContactAdded", ago(280), Fixtures.contact("c-1", "\"BUYER\"", "OPERATIONAL"));
        p.publish(a, "ComplaintRaised", ago(5), Fixtures.complaint("cp-1", "CRITICAL"));
    }

    static String ago(long days) {
        return NOW.minus(Duration.ofDays(days)).toString();
    }

    @Test
    void aHealthyIntegratedPartnershipIsGreenAndIntegrated() {
        JsonPath health = get("/api/reports/accounts/{id}/health", PARTNER);
        assertThat(health.getString("health.band")).isEqualTo("GREEN");
        assertThat(health.getInt("health.score")).isGreaterThanOrEqualTo(76);
        assertThat(health.getString("health.modelVersion")).isEqualTo("kam-health-1");
        assertThat(health.getList("health.factors.name")).contains("DMU coverage", "Engagement", "Contract security");
        assertThat(health.getList("health.factors.find { it.name == 'DMU coverage' }.eventIds")).isNotEmpty();

        given().auth().oauth2(Tokens.reader()).when().get("/api/reports/accounts/{id}/stage", PARTNER)
                .then().statusCode(200).body("stage", equalTo("INTEGRATED"));
        given().auth().oauth2(Tokens.reader()).when().get("/api/reports/accounts/{id}/dmu", PARTNER)
                .then().statusCode(200)
                .body("roles.DECIDER.contactId", hasItem("c-ceo"))
                .body("roles.DECIDER[0].level", equalTo("EXECUTIVE"))
                .body("uncoveredRoles.size()", equalTo(0));
    }

    @Test
    void anOverdueCriticalComplaintForcesRed() {
        JsonPath health = get("/api/reports/accounts/{id}/health", TROUBLED);
        assertThat(health.getString("health.band")).isEqualTo("RED");
        assertThat(health.getList("health.criticalOverrides")).isNotEmpty();
        given().auth().oauth2(Tokens.reader()).when().get("/api/reports/accounts/{id}/dmu", TROUBLED)
                .then().statusCode(200).body("uncoveredRoles", hasItems("DECIDER", "INFLUENCER", "USER", "GATEKEEPER", "SPONSOR"));
    }

    @Test
    void thePastIsReportedFromTheHistory() {
        String before = LocalDate.ofInstant(BEFORE_CONTRACT, ZoneOffset.UTC).toString();
        given().auth().oauth2(Tokens.reader()).queryParam("asOf", before)
                .when().get("/api/reports/accounts/{id}/stage", PARTNER)
                .then().statusCode(200).body("stage", equalTo("EXPLORATORY"));
        given().auth().oauth2(Tokens.reader()).queryParam("asOf", "2000-01-01")
                .when().get("/api/reports/accounts/{id}/health", PARTNER)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.reader()).queryParam("asOf", before)
                .when().get("/api/reports/accounts/{id}/health", TROUBLED)
                .then().statusCode(200).body("health.criticalOverrides.size()", equalTo(0));
    }

    @Test
    void thePortfolioListsKeyAccountsWorstFirstWithFilters() {
        JsonPath portfolio = get("/api/reports/portfolio/health?limit=1000", null);
        java.util.List<String> ids = portfolio.getList("entries.accountId");
        assertThat(ids).contains(PARTNER, TROUBLED);
        assertThat(ids.indexOf(TROUBLED)).isLessThan(ids.indexOf(PARTNER));
        // the periods the scores looked at; now is never the last microsecond of a month here in practice
        assertThat(portfolio.getString("windows.last90DaysFrom")).isNotNull();
        assertThat(portfolio.getString("windows.trailing12Months.incompleteMonth")).isNotNull();
        given().auth().oauth2(Tokens.reader()).queryParam("manager", PARTNER_MANAGER)
                .when().get("/api/reports/portfolio/health")
                .then().statusCode(200).body("entries.accountId", equalTo(java.util.List.of(PARTNER)));
        given().auth().oauth2(Tokens.reader()).queryParam("band", "RED").queryParam("manager", TROUBLED_MANAGER)
                .when().get("/api/reports/portfolio/health")
                .then().statusCode(200).body("entries.accountId", equalTo(java.util.List.of(TROUBLED)));
        given().auth().oauth2(Tokens.reader()).queryParam("band", "PURPLE")
                .when().get("/api/reports/portfolio/health").then().statusCode(400);
    }

    @Test
    void eachManagerSeesTheirAccountsAndAlerts() {
        JsonPath managers = get("/api/reports/managers?limit=1000", null);
        assertThat(managers.getList("managers.managerId")).contains(PARTNER_MANAGER, TROUBLED_MANAGER);
        String base = "managers.find { it.managerId == '" + TROUBLED_MANAGER + "' }";
        assertThat(managers.getList(base + ".accounts.accountId")).containsExactly(TROUBLED);
        assertThat(managers.getInt(base + ".bands.RED")).isEqualTo(1);
        assertThat(managers.getList(base + ".alerts.kind")).contains("CRITICAL");
        assertThat(managers.getString("windows.trailing3Months.to")).isNotNull();
    }

    @Test
    void reportsNeedTheReaderRole() {
        given().when().get("/api/reports/portfolio/health").then().statusCode(401);
        given().auth().oauth2(Tokens.writer()).when().get("/api/reports/managers").then().statusCode(403);
        given().auth().oauth2(Tokens.writer()).when().get("/api/reports/accounts/{id}/health", PARTNER).then().statusCode(403);
    }

    static JsonPath get(String path, String accountId) {
        var request = given().auth().oauth2(Tokens.reader());
        var response = accountId == null ? request.when().get(path) : request.when().get(path, accountId);
        return response.then().statusCode(200).extract().jsonPath();
    }
}
