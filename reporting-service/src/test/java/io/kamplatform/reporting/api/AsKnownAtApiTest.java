package io.kamplatform.reporting.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kamplatform.reporting.support.Fixtures;
import io.kamplatform.reporting.support.Publisher;
import io.kamplatform.reporting.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "As of 30 June 2025, as we knew it on 1 July" against "as we know it now", through Kafka and PostgreSQL. The key
 * account's May revenue (100,000) was corrected by -30,000 on 5 July (the correction dated 20 June), and its decider,
 * who left on 25 June, was reported gone only on 10 July. A second key account, active since March, was imported on
 * 1 August: nobody knew it on 1 July.
 */
@QuarkusTest
class AsKnownAtApiTest {

    static final String ACCOUNT = Publisher.newAccountId();
    static final String IMPORTED = Publisher.newAccountId();
    static final String MANAGER = "kam-" + ACCOUNT.toLowerCase();
    static final String AS_OF = "2025-06-30";
    static String correctionId;
    static String leftId;
    static boolean published;

    @BeforeEach
    void publish() {
        if (published) {
            return;
        }
        published = true;
        try (Publisher p = new Publisher()) {
            p.publishRecorded(ACCOUNT, "AccountRegistered", "2025-01-05T10:00:00Z", "2025-01-05T10:00:01Z",
                    Fixtures.registered("Bitemporal GmbH"));
            p.publishRecorded(ACCOUNT, "KeyAccountDesignated", "2025-01-06T10:00:00Z", "2025-01-06T10:00:01Z",
                    Fixtures.designated());
            p.publishRecorded(ACCOUNT, "KeyAccountManagerAssigned", "2025-01-06T10:00:00Z", "2025-01-06T10:00:01Z",
                    Fixtures.manager(MANAGER, "Kim Known"));
            p.publishRecorded(ACCOUNT, "ContactAdded", "2025-02-01T09:00:00Z", "2025-02-01T09:00:01Z",
                    Fixtures.contact("c-decider", "\"DECIDER\"", "EXECUTIVE"));
            p.publishRecorded(ACCOUNT, "InteractionRecorded", "2025-06-10T09:00:00Z", "2025-06-10T09:00:01Z",
                    Fixtures.interaction("i-1", "VISIT", "\"c-decider\"", "SALES", true));
            p.publishRecorded(ACCOUNT, "RevenueRecognized", "2025-06-02T08:00:00Z", "2025-06-02T08:00:01Z",
                    Fixtures.revenue("2025-05", "100000.00", "70000.00"));
            correctionId = p.publishRecorded(ACCOUNT, "RevenueCorrected", "2025-06-20T12:00:00Z", "2025-07-05T09:00:00Z",
                    "{\"month\":\"2025-05\",\"revenueDelta\":{\"amount\":\"-30000.00\",\"currency\":\"EUR\"},"
                            + "\"costOfSalesDelta\":{\"amount\":\"0.00\",\"currency\":\"EUR\"},\"reason\":\"credit note\"}");
            leftId = p.publishRecorded(ACCOUNT, "ContactLeft", "2025-06-25T12:00:00Z", "2025-07-10T09:00:00Z",
                    Fixtures.contactLeft("c-decider"));
            p.publishRecorded(IMPORTED, "AccountRegistered", "2025-03-01T10:00:00Z", "2025-08-01T10:00:00Z",
                    Fixtures.registered("Imported Later AG"));
            p.publishRecorded(IMPORTED, "KeyAccountDesignated", "2025-03-02T10:00:00Z", "2025-08-01T10:00:00Z",
                    Fixtures.designated());
            p.publishRecorded(IMPORTED, "KeyAccountManagerAssigned", "2025-03-02T10:00:00Z", "2025-08-01T10:00:00Z",
                    Fixtures.manager(MANAGER, "Kim Known"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> timeline(ACCOUNT, Map.of()).getList("events").size() == 8
                && timeline(IMPORTED, Map.of()).getList("events").size() == 3);
    }

    @Test
    void aLateRevenueCorrectionCountsOnlyOnceItWasRecorded() {
        assertThat(revenue(Map.of("asKnownAt", "2025-07-01"))).isEqualByComparingTo("100000");
        assertThat(revenue(Map.of("asKnownAt", "2025-07-05T08:59:59Z"))).isEqualByComparingTo("100000");
        assertThat(revenue(Map.of("asKnownAt", "2025-07-05T09:00:00Z"))).isEqualByComparingTo("70000");
        assertThat(revenue(Map.of())).isEqualByComparingTo("70000");
    }

    @Test
    void aBackdatedDepartureLeavesTheDmuOnlyAsKnownAfterItWasReported() {
        JsonPath then = get("/api/reports/accounts/" + ACCOUNT + "/dmu", Map.of("asOf", AS_OF, "asKnownAt", "2025-07-01"));
        assertThat(then.getList("roles.DECIDER.contactId")).containsExactly("c-decider");
        assertThat(then.getList("formerContacts")).isEmpty();
        assertThat(then.getList("uncoveredRoles")).doesNotContain("DECIDER");

        JsonPath now = get("/api/reports/accounts/" + ACCOUNT + "/dmu", Map.of("asOf", AS_OF));
        assertThat(now.getList("roles.DECIDER")).isNullOrEmpty();
        assertThat(now.getList("formerContacts.contactId")).containsExactly("c-decider");
        assertThat(now.getList("formerContacts[0].eventIds", String.class)).contains(leftId);
        assertThat(now.getList("uncoveredRoles")).contains("DECIDER");
    }

    @Test
    void theHealthAsKnownThenDiffersFromTheHealthAsKnownNow() {
        JsonPath then = get("/api/reports/accounts/" + ACCOUNT + "/health", Map.of("asOf", AS_OF, "asKnownAt", "2025-07-01"));
        JsonPath now = get("/api/reports/accounts/" + ACCOUNT + "/health", Map.of("asOf", AS_OF));
        assertThat(then.getList("health.factors.find { it.name == 'DMU coverage' }.eventIds", String.class))
                .doesNotContain(leftId);
        double dmuThen = then.getDouble("health.factors.find { it.name == 'DMU coverage' }.score");
        double dmuNow = now.getDouble("health.factors.find { it.name == 'DMU coverage' }.score");
        assertThat(dmuThen).as("the decider, met on 10 June, still counted").isGreaterThan(dmuNow);
    }

    @Test
    void theTimelineAsKnownThenHoldsOnlyWhatWasRecordedByThen() {
        List<String> then = timeline(ACCOUNT, Map.of("asOf", AS_OF, "asKnownAt", "2025-07-01")).getList("events.eventId");
        List<String> now = timeline(ACCOUNT, Map.of("asOf", AS_OF)).getList("events.eventId");
        assertThat(then).hasSize(6).doesNotContain(correctionId, leftId);
        assertThat(now).hasSize(8).contains(correctionId, leftId);
    }

    @Test
    void anAccountImportedLaterIsNotInThePortfolioAsKnownBeforeIt() {
        Response then = response("/api/reports/portfolio/health", Map.of("asOf", AS_OF, "asKnownAt", "2025-07-01",
                "manager", MANAGER));
        assertThat(then.jsonPath().getList("entries.accountId")).containsExactly(ACCOUNT);
        assertThat(then.jsonPath().getString("readModel.mode")).isEqualTo("FOLDED");
        assertThat(then.jsonPath().getString("readModel.knownAt")).isEqualTo("2025-07-01T23:59:59.999999Z");
        assertThat(then.header("KAM-As-Known-At")).isEqualTo("2025-07-01T23:59:59.999999Z");

        Response now = response("/api/reports/portfolio/health", Map.of("asOf", AS_OF, "manager", MANAGER));
        assertThat(now.jsonPath().getList("entries.accountId")).containsExactlyInAnyOrder(ACCOUNT, IMPORTED);
        assertThat(now.jsonPath().getString("readModel.knownAt")).isNull();
        assertThat(now.header("KAM-As-Known-At")).isNull();

        given().auth().oauth2(Tokens.reader()).queryParam("asOf", AS_OF).queryParam("asKnownAt", "2025-07-01")
                .when().get("/api/reports/accounts/{id}/health", IMPORTED).then().statusCode(404);
    }

    @Test
    void thePortfolioAsKnownThenAgreesWithTheAccountReportAsKnownThen() {
        Map<String, String> then = Map.of("asOf", AS_OF, "asKnownAt", "2025-07-01");
        JsonPath portfolio = get("/api/reports/portfolio/health", with(then, "manager", MANAGER));
        JsonPath account = get("/api/reports/accounts/" + ACCOUNT + "/health", then);
        assertThat(portfolio.getString("entries[0].score")).isEqualTo(account.getString("health.score"));
        assertThat(portfolio.getString("entries[0].band")).isEqualTo(account.getString("health.band"));
        JsonPath margin = get("/api/reports/portfolio/margin-pressure", with(then, "limit", "200"));
        assertThat(margin.getString("readModel.knownAt")).isEqualTo("2025-07-01T23:59:59.999999Z");
    }

    @Test
    void anAsOfAfterAsKnownAtIsABadRequest() {
        given().auth().oauth2(Tokens.reader()).queryParam("asOf", "2025-07-02").queryParam("asKnownAt", "2025-07-01")
                .when().get("/api/reports/accounts/{id}/health", ACCOUNT)
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.reader()).queryParam("asKnownAt", "soon")
                .when().get("/api/reports/portfolio/dependency-risk")
                .then().statusCode(400);
    }

    private static java.math.BigDecimal revenue(Map<String, String> knownAt) {
        return new java.math.BigDecimal(get("/api/reports/accounts/" + ACCOUNT + "/margin-pressure", with(knownAt, "asOf", AS_OF)).getString("revenue"));
    }

    private static Map<String, String> with(Map<String, String> params, String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.put(name, value);
        return all;
    }

    private static JsonPath timeline(String accountId, Map<String, String> params) {
        return get("/api/reports/accounts/" + accountId + "/timeline", params);
    }

    private static JsonPath get(String path, Map<String, String> params) {
        return response(path, params).jsonPath();
    }

    private static Response response(String path, Map<String, String> params) {
        return given().auth().oauth2(Tokens.reader()).queryParams(params).when().get(path)
                .then().statusCode(200).extract().response();
    }
}
