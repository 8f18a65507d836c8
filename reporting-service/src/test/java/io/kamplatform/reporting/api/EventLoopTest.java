package io.kamplatform.reporting.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kamplatform.reporting.support.Fixtures;
import io.kamplatform.reporting.support.Metrics;
import io.kamplatform.reporting.support.Publisher;
import io.kamplatform.reporting.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No report is computed on a Vert.x event loop: every report endpoint is called and the service's own count of report
 * work found on a loop ({@code kam_reports_computed_on_event_loop_total}, see EventLoopGuard) must stay 0. A loop
 * blocked for seconds by a portfolio report stalls the projection and every other request.
 */
@QuarkusTest
class EventLoopTest {

    @Test
    void noReportIsComputedOnTheEventLoop() {
        String account = Publisher.newAccountId();
        Instant now = Instant.now();
        try (Publisher p = new Publisher()) {
            p.publish(account, "AccountRegistered", now.minus(Duration.ofDays(40)).toString(), Fixtures.registered("Loop AG"));
            p.publish(account, "KeyAccountDesignated", now.minus(Duration.ofDays(39)).toString(), Fixtures.designated());
            p.publish(account, "RevenueRecognized", now.minus(Duration.ofDays(10)).toString(),
                    Fixtures.revenue("2025-01", "100.00", "60.00"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.reader())
                .when().get("/api/reports/accounts/{id}/timeline", account).then().extract().jsonPath()
                .getList("events").size() == 3);
        double before = Metrics.sum("kam_reports_computed_on_event_loop_total");
        for (String path : List.of("/api/reports/accounts/" + account + "/health", "/api/reports/accounts/" + account + "/stage",
                "/api/reports/accounts/" + account + "/dmu", "/api/reports/accounts/" + account + "/margin-pressure",
                "/api/reports/portfolio/health", "/api/reports/managers", "/api/reports/portfolio/dependency-risk",
                "/api/reports/portfolio/dependency-risk/stress-test?by=account&leaving=" + account,
                "/api/reports/portfolio/margin-pressure", "/api/reports/portfolio/neglected-potential")) {
            given().auth().oauth2(Tokens.reader()).when().get(path).then().statusCode(200);
        }
        assertThat(Metrics.sum("kam_reports_computed_on_event_loop_total") - before)
                .as("report computations found on an event loop").isZero();
    }
}
