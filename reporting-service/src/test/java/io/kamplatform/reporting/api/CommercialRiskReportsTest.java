package io.kamplatform.reporting.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.kamplatform.reporting.support.Fixtures;
import io.kamplatform.reporting.support.Publisher;
import io.kamplatform.reporting.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Dependency risk, margin pressure and neglected potential through Kafka and PostgreSQL. The portfolio lives
 * in 2015 and is read as of 2016-01-31, so other tests' accounts (all later) are not part of it: time travel
 * isolates it. Hand-computed: revenues 400 (group P with child C) / 300 / 200 / 100 → HHI 3000, N80 3, top-1 40%.
 */
@QuarkusTest
class CommercialRiskReportsTest {

    static final String AS_OF = "2016-01-31";
    static final String RUN = Publisher.newAccountId().substring(5);
    static final String PARENT = "P-" + RUN;
    static final String CHILD = "C-" + RUN;
    static final String SECOND = "A2-" + RUN;
    static final String THIRD = "A3-" + RUN;
    static final String FOURTH = "A4-" + RUN;
    /** No revenue (outside the shares), a contract priced above list. */
    static final String PREMIUM = "PR-" + RUN;
    static boolean published;

    @BeforeEach
    void publishPortfolio() {
        if (published) {
            return;
        }
        published = true;
        try (Publisher p = new Publisher()) {
            p.publish(PARENT, "AccountRegistered", "2015-01-02T09:00:00Z", Fixtures.registered("Group Holding"));
            p.publish(CHILD, "AccountRegistered", "2015-01-03T09:00:00Z",
                    "{\"name\":\"Group Subsidiary\",\"sector\":\"Food\",\"country\":\"IT\",\"parentAccountId\":\"" + PARENT + "\"}");
            p.publish(SECOND, "AccountRegistered", "2015-01-02T09:00:00Z", Fixtures.registered("Second Ltd"));
            p.publish(THIRD, "AccountRegistered", "2015-01-02T09:00:00Z", Fixtures.registered("Third Ltd"));
            p.publish(FOURTH, "AccountRegistered", "2015-01-02T09:00:00Z", Fixtures.registered("Fourth Ltd"));
            p.publish(PARENT, "RevenueRecognized", "2015-06-30T12:00:00Z", Fixtures.revenue("2015-06", "300.00", "200.00"));
            p.publish(CHILD, "RevenueRecognized", "2015-06-30T12:00:00Z", Fixtures.revenue("2015-06", "100.00", "70.00"));
            p.publish(SECOND, "RevenueRecognized", "2015-06-30T12:00:00Z", Fixtures.revenue("2015-06", "300.00", "270.00"));
            p.publish(THIRD, "RevenueRecognized", "2015-06-30T12:00:00Z", Fixtures.revenue("2015-06", "200.00", "120.00"));
            p.publish(FOURTH, "RevenueRecognized", "2015-06-30T12:00:00Z", Fixtures.revenue("2015-06", "100.00", "50.00"));
            p.publish(PARENT, "SalesPotentialAssessed", "2015-02-01T09:00:00Z", Fixtures.potential("500"));
            p.publish(SECOND, "SalesPotentialAssessed", "2015-02-01T09:00:00Z", Fixtures.potential("10000"));
            p.publish(THIRD, "SalesPotentialAssessed", "2015-02-01T09:00:00Z", Fixtures.potential("100"));
            p.publish(FOURTH, "SalesPotentialAssessed", "2015-02-01T09:00:00Z", Fixtures.potential("50"));
            p.publish(SECOND, "ContractSigned", "2015-01-05T09:00:00Z", "{\"contractId\":\"K-" + SECOND + "\",\"startsOn\":\"2015-01-01\","
                    + "\"endsOn\":\"2015-09-30\",\"annualValue\":{\"amount\":\"900.00\",\"currency\":\"EUR\"},"
                    + "\"listValue\":{\"amount\":\"1000.00\",\"currency\":\"EUR\"},\"expectedMarginPct\":20,"
                    + "\"serviceLevel\":\"STANDARD\",\"preferredSupplier\":false}");
            p.publish(SECOND, "ContractRenewed", "2015-09-20T09:00:00Z", "{\"contractId\":\"K-" + SECOND + "\",\"newEndsOn\":\"2016-09-30\","
                    + "\"annualValue\":{\"amount\":\"700.00\",\"currency\":\"EUR\"},\"listValue\":{\"amount\":\"1000.00\",\"currency\":\"EUR\"},"
                    + "\"expectedMarginPct\":5}");
            p.publish(PREMIUM, "AccountRegistered", "2015-01-02T09:00:00Z", Fixtures.registered("Premium Ltd"));
            p.publish(PREMIUM, "ContractSigned", "2015-01-05T09:00:00Z", "{\"contractId\":\"K-" + PREMIUM + "\",\"startsOn\":\"2015-01-01\","
                    + "\"endsOn\":\"2016-12-31\",\"annualValue\":{\"amount\":\"1100.00\",\"currency\":\"EUR\"},"
                    + "\"listValue\":{\"amount\":\"1000.00\",\"currency\":\"EUR\"},\"expectedMarginPct\":30,"
                    + "\"serviceLevel\":\"PREMIUM\",\"preferredSupplier\":true}");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.reader())
                .when().get("/api/reports/accounts/{id}/timeline", SECOND)
                .then().extract().jsonPath().getList("events").size() == 5);
    }

    @Test
    void dependencyRiskOnAKnownDistribution() {
        JsonPath risk = get("/api/reports/portfolio/dependency-risk?asOf=" + AS_OF);
        assertThat(risk.getInt("customerCount")).isEqualTo(4);
        assertThat(risk.getString("customers[0].customerId")).isEqualTo(PARENT);
        assertThat(risk.getList("customers[0].memberAccountIds")).containsExactlyInAnyOrder(PARENT, CHILD);
        assertThat(risk.getDouble("top1SharePct")).isEqualTo(40.0);
        assertThat(risk.getDouble("hhi")).isEqualTo(3000.0);
        assertThat(risk.getInt("n80")).isEqualTo(3);
        assertThat(risk.getList("majorCustomerIds")).hasSize(4);
        assertThat(risk.getList("pareto")).hasSize(4);
        assertThat(risk.getString("concentration")).isEqualTo("HIGH");
        assertThat(risk.getString("by")).isEqualTo("group");
        // health rests on revenue and potential only (20% of the model's weight; SECOND 35% with its contract):
        // below the 50% coverage threshold, so all 1000 is unknown risk and none is priced as known risk
        assertThat(risk.getDouble("revenueAtRisk")).isEqualTo(0.0);
        assertThat(risk.getDouble("revenueWithUnknownRisk")).isEqualTo(1000.0);
        assertThat(risk.getDouble("revenueWithUnknownRiskPct")).isEqualTo(100.0);
        assertThat(risk.getDouble("minHealthCoveragePct")).isEqualTo(50.0);
        assertThat(risk.getBoolean("kamJustified")).isTrue();
    }

    @Test
    void byAccountEveryAccountIsACustomer() {
        // PARENT 300, SECOND 300, THIRD 200, CHILD 100, FOURTH 100 of 1000 → HHI 900 + 900 + 400 + 100 + 100 = 2400
        JsonPath risk = get("/api/reports/portfolio/dependency-risk?by=account&asOf=" + AS_OF);
        assertThat(risk.getString("by")).isEqualTo("account");
        assertThat(risk.getInt("customerCount")).isEqualTo(5);
        assertThat(risk.getDouble("hhi")).isEqualTo(2400.0);
        assertThat(risk.getString("concentration")).isEqualTo("MODERATE");
        given().auth().oauth2(Tokens.reader()).when().get("/api/reports/portfolio/dependency-risk?by=holding")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("by"));
    }

    @Test
    void byAccountTheStressTestRemovesOneSubsidiary() {
        // without CHILD (100): 300/300/200/100 of 900 → HHI 10000 × (9 + 9 + 4 + 1) / 81 = 2839.51
        JsonPath stress = get("/api/reports/portfolio/dependency-risk/stress-test?by=account&asOf=" + AS_OF
                + "&leaving=" + CHILD);
        assertThat(stress.getList("leavingAccountIds")).containsExactly(CHILD);
        assertThat(stress.getDouble("leavingRevenue")).isEqualTo(100.0);
        assertThat(stress.getDouble("after.hhi")).isEqualTo(2839.51);
        given().auth().oauth2(Tokens.reader()).when()
                .get("/api/reports/portfolio/dependency-risk/stress-test?by=subsidiary&leaving=" + CHILD)
                .then().statusCode(400).body("violations[0].field", equalTo("by"));
    }

    @Test
    void everyReportStatesItsWindowAndTodayIsAValidAsOf() {
        // 2016-01-31 is the end of January: January is complete and in the window.
        JsonPath risk = get("/api/reports/portfolio/dependency-risk?asOf=" + AS_OF);
        assertThat(risk.getString("window.from")).isEqualTo("2015-02");
        assertThat(risk.getString("window.to")).isEqualTo("2016-01");
        assertThat(risk.getString("window.incompleteMonth")).isNull();
        JsonPath ranking = get("/api/reports/portfolio/margin-pressure?asOf=" + AS_OF);
        assertThat(ranking.getString("window.to")).isEqualTo("2016-01");
        assertThat(ranking.getList("quarters.to")).containsExactly("2015-03", "2015-06", "2015-09", "2015-12");
        assertThat(get("/api/reports/portfolio/neglected-potential?asOf=" + AS_OF).getString("window.to"))
                .isEqualTo("2016-01");
        assertThat(get("/api/reports/accounts/" + SECOND + "/health?asOf=" + AS_OF)
                .getString("windows.trailing12Months.to")).isEqualTo("2016-01");

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonPath now = get("/api/reports/portfolio/dependency-risk?asOf=" + today);
        assertThat(now.getString("window.to")).isIn(YearMonth.from(today).minusMonths(1).toString(),
                YearMonth.from(today).toString()); // the second only in the last microsecond of a month
        given().auth().oauth2(Tokens.reader()).when()
                .get("/api/reports/portfolio/dependency-risk?asOf=" + today.plusDays(1))
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("asOf"));
    }

    @Test
    void theStressTestRemovesTheWholeGroup() {
        JsonPath stress = get("/api/reports/portfolio/dependency-risk/stress-test?asOf=" + AS_OF + "&leaving=" + CHILD);
        assertThat(stress.getList("leavingAccountIds")).containsExactlyInAnyOrder(PARENT, CHILD);
        assertThat(stress.getDouble("after.hhi")).isEqualTo(3888.89);
        assertThat(stress.getDouble("hhiChange")).isEqualTo(888.89);
        given().auth().oauth2(Tokens.reader()).when()
                .get("/api/reports/portfolio/dependency-risk/stress-test?asOf=" + AS_OF + "&leaving=NOBODY-" + RUN)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.reader()).when().get("/api/reports/portfolio/dependency-risk/stress-test")
                .then().statusCode(400).body("violations[0].field", equalTo("leaving"));
    }

    @Test
    void deeperDiscountsAtRenewalShowAsMarginPressure() {
        JsonPath pressure = get("/api/reports/accounts/" + SECOND + "/margin-pressure?asOf=" + AS_OF);
        assertThat(pressure.getDouble("priceRealisationPct")).isEqualTo(70.0);
        assertThat(pressure.getDouble("discountChanges[0].changePp")).isEqualTo(20.0);
        assertThat(pressure.getDouble("grossMarginPct")).isEqualTo(10.0);
        assertThat(pressure.getInt("score")).isGreaterThan(0);
        List<String> ranked = get("/api/reports/portfolio/margin-pressure?asOf=" + AS_OF).getList("accounts.accountId");
        assertThat(ranked.get(0)).isEqualTo(SECOND);
        given().auth().oauth2(Tokens.reader()).when().get("/api/reports/portfolio/margin-pressure?flag=SOMETIMES")
                .then().statusCode(400).body("violations[0].field", equalTo("flag"));
    }

    @Test
    void aContractAboveListIsReportedAsAPremium() {
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.reader())
                .when().get("/api/reports/accounts/{id}/timeline", PREMIUM)
                .then().extract().jsonPath().getList("events").size() == 2);
        JsonPath premium = get("/api/reports/accounts/" + PREMIUM + "/margin-pressure?asOf=" + AS_OF);
        assertThat(premium.getDouble("priceRealisationPct")).isEqualTo(110.0);
        assertThat(premium.getDouble("averageDiscountPct")).isEqualTo(-10.0);
        assertThat(premium.getList("drivers.name")).doesNotContain("Discount depth");
        assertThat(premium.getBoolean("statusAbuse")).isFalse();
    }

    @Test
    void aLargeUnvisitedPotentialIsNamed() {
        JsonPath neglected = get("/api/reports/portfolio/neglected-potential?asOf=" + AS_OF);
        assertThat(neglected.getList("accounts.accountId")).containsExactly(SECOND);
        assertThat(neglected.getDouble("accounts[0].penetrationPct")).isEqualTo(3.0);
    }

    static JsonPath get(String path) {
        return given().auth().oauth2(Tokens.reader()).when().get(path).then().statusCode(200).extract().jsonPath();
    }
}
