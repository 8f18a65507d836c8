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
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The key-status review through Kafka and PostgreSQL, isolated by asOf: a 2012 portfolio of ten accounts read as of
 * 2013-01-31 (no other test has facts that early). BIG (revenue 10,000, not key) qualifies by revenue (top 10% of 10 =
 * rank 1); SMALL (revenue 100, a key account, no potential) no longer qualifies; the eight others have revenue 200..900.
 */
@QuarkusTest
class KeyStatusApiTest {

    static final String RUN = Publisher.newAccountId().substring(5);
    static final String BIG = "BIG-" + RUN;
    static final String SMALL = "SMALL-" + RUN;
    static final String AS_OF = "2013-01-31";
    static boolean published;

    @BeforeEach
    void publishPortfolio() {
        if (published) {
            return;
        }
        published = true;
        try (Publisher p = new Publisher()) {
            p.publish(BIG, "AccountRegistered", "2012-01-02T09:00:00Z", Fixtures.registered("Big Buyer AG"));
            p.publish(BIG, "RevenueRecognized", "2012-06-30T12:00:00Z", Fixtures.revenue("2012-06", "10000.00", "6000.00"));
            p.publish(SMALL, "AccountRegistered", "2012-01-02T09:00:00Z", Fixtures.registered("Small Key Ltd"));
            p.publish(SMALL, "KeyAccountDesignated", "2012-01-03T09:00:00Z", Fixtures.designated());
            p.publish(SMALL, "RevenueRecognized", "2012-06-30T12:00:00Z", Fixtures.revenue("2012-06", "100.00", "60.00"));
            for (int i = 2; i <= 9; i++) {
                String id = "M" + i + "-" + RUN;
                p.publish(id, "AccountRegistered", "2012-01-02T09:00:00Z", Fixtures.registered("Middle " + i));
                p.publish(id, "RevenueRecognized", "2012-06-30T12:00:00Z", Fixtures.revenue("2012-06", i + "00.00", "60.00"));
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.reader())
                .when().get("/api/reports/accounts/{id}/timeline", "M9-" + RUN)
                .then().extract().jsonPath().getList("events").size() >= 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.reader())
                .when().get("/api/reports/accounts/{id}/timeline", SMALL)
                .then().extract().jsonPath().getList("events").size() >= 3);
    }

    @Test
    void qualifyingAndLapsedAccountsWithReasons() {
        JsonPath r = given().auth().oauth2(Tokens.reader()).queryParam("asOf", AS_OF).queryParam("include", "evidence")
                .when().get("/api/reports/portfolio/key-status").then().statusCode(200).extract().jsonPath();
        assertThat(r.getDouble("review.revenueThreshold")).isEqualTo(10000.0);
        assertThat(r.getList("review.qualifyButNotKey.accountId")).containsExactly(BIG);
        assertThat(r.getString("review.qualifyButNotKey[0].reasons[0]"))
                .isEqualTo("T12 revenue 10000 EUR (rank 1 of 10) in the top 10% (≥ 10000 EUR)");
        assertThat(r.getList("review.qualifyButNotKey[0].eventIds")).hasSize(1);
        assertThat(r.getList("review.keyButNoLongerQualify.accountId")).containsExactly(SMALL);
        assertThat(r.<String>getList("review.keyButNoLongerQualify[0].reasons"))
                .containsExactly("T12 revenue 100 EUR (rank 10 of 10) below the top 10% (10000 EUR)");
        assertThat(r.getInt("qualifyButNotKeyCount")).isEqualTo(1);
        assertThat(r.getString("readModel.mode")).isEqualTo("POINT");
        assertThat(r.getInt("review.criteria.revenueTopPct")).isEqualTo(10);
    }

    @Test
    void badParametersAndNoToken() {
        given().auth().oauth2(Tokens.reader()).queryParam("limit", 0).when().get("/api/reports/portfolio/key-status")
                .then().statusCode(400);
        given().auth().oauth2(Tokens.reader()).queryParam("include", "everything")
                .when().get("/api/reports/portfolio/key-status").then().statusCode(400);
        given().when().get("/api/reports/portfolio/key-status").then().statusCode(401);
        List<String> before = given().auth().oauth2(Tokens.reader()).queryParam("asOf", "2011-12-31")
                .when().get("/api/reports/portfolio/key-status").then().statusCode(200).extract().jsonPath()
                .getList("review.qualifyButNotKey.accountId");
        assertThat(before).doesNotContain(BIG); // before anything happened
    }
}
