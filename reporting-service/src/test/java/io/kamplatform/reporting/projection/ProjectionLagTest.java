package io.kamplatform.reporting.projection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kamplatform.reporting.support.Fixtures;
import io.kamplatform.reporting.support.Metrics;
import io.kamplatform.reporting.support.Publisher;
import io.kamplatform.reporting.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The lag per topic-partition: records published and not projected show in kam_projection_lag_records, in the
 * KAM-Projection-* headers of every report and in the readiness data, while readiness stays UP (catching up is
 * serving); once projected, the lag is 0 and KAM-Data-As-Of moves past the moment the projection caught up.
 */
@QuarkusTest
class ProjectionLagTest {

    static final int EVENTS = 5;

    @Test
    void lagIsMeasuredPerPartitionShownInReportsAndDoesNotMakeReadinessDown() throws Exception {
        String accountId = Publisher.newAccountId();
        await().atMost(Duration.ofSeconds(30)).until(() -> "CURRENT".equals(header(accountId, "KAM-Projection-State")));
        assertThat(metricsText()).contains("kam_projection_lag_records{partition=\"0\",topic=\"kam.account.events\"}")
                .contains("topic=\"kam.interaction.events\"").contains("topic=\"kam.contract.events\"");

        Instant released;
        try (Publisher publisher = new Publisher(); Connection locker = DatabaseOutageTest.reportingConnection();
             Statement sql = locker.createStatement()) {
            locker.setAutoCommit(false);
            // The projection's inserts wait for the lock (reports' reads do not): records pile up on the topic.
            sql.execute("LOCK TABLE account_facts IN EXCLUSIVE MODE");
            try {
                publisher.publish(accountId, "AccountRegistered", "2026-03-01T09:00:00Z", Fixtures.registered("Lagging AG"));
                for (int i = 1; i < EVENTS; i++) {
                    publisher.publish(accountId, "SalesPotentialAssessed", "2026-03-0" + (i + 1) + "T09:00:00Z",
                            Fixtures.potential(i + "000"));
                }
                // One readiness answer that is UP and says catching up: lag alone never takes the service out.
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
                    Response ready = given().when().get("/q/health/ready");
                    JsonPath body = ready.jsonPath();
                    return ready.statusCode() == 200
                            && "CATCHING_UP".equals(body.getString("checks.find { it.name == 'kam-projection' }.data.state"))
                            && body.getLong("checks.find { it.name == 'kam-projection' }.data.lagRecords") >= EVENTS;
                });
                Response report = report(accountId);
                assertThat(report.header("KAM-Projection-State")).isEqualTo("CATCHING_UP");
                assertThat(Long.parseLong(report.header("KAM-Projection-Lag"))).isGreaterThanOrEqualTo(EVENTS);
                Instant dataAsOf = Instant.parse(report.header("KAM-Data-As-Of"));
                assertThat(dataAsOf).isBefore(Instant.now());
                assertThat(Metrics.sum("kam_projection_lag_records")).isGreaterThanOrEqualTo(EVENTS);
            } finally {
                locker.rollback();
                released = Instant.now();
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "CURRENT".equals(header(accountId, "KAM-Projection-State")));
        Response report = report(accountId);
        assertThat(report.header("KAM-Projection-Lag")).isEqualTo("0");
        assertThat(Instant.parse(report.header("KAM-Data-As-Of"))).isAfter(released);
        assertThat(Metrics.sum("kam_projection_lag_records")).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> report(accountId).statusCode() == 200
                && report(accountId).jsonPath().getList("events").size() == EVENTS);
    }

    static Response report(String accountId) {
        return given().auth().oauth2(Tokens.reader()).when().get("/api/reports/accounts/{id}/timeline", accountId);
    }

    static String header(String accountId, String name) {
        return report(accountId).header(name);
    }

    static String metricsText() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
