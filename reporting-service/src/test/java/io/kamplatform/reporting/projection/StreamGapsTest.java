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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Gap detection against the real broker and database: per (source, stream id), the highest version seen and the
 * versions not seen below it, filled by late records, exactly once per event; reused versions detected; and every
 * report says whether its data is complete.
 */
@QuarkusTest
class StreamGapsTest {

    static final String ACCOUNTS_SOURCE = "/kam-platform/account-service";
    static final Duration WAIT = Duration.ofSeconds(30);

    Publisher publisher;

    @BeforeEach
    void open() {
        publisher = new Publisher();
    }

    @AfterEach
    void close() {
        publisher.close();
    }

    /** Publishes an account-service event at {@code version} of the account's stream; returns its id. */
    String inStream(String accountId, long version, String type, String data) {
        String eventId = "evt-" + UUID.randomUUID();
        publisher.publish(Fixtures.ACCOUNTS, ACCOUNTS_SOURCE, eventId, accountId, type, "2026-01-0" + Math.min(9, version) + "T09:00:00Z",
                data, accountId, version);
        return eventId;
    }

    @Test
    void aSkippedVersionMakesEveryReportIncompleteUntilItArrivesLate() {
        String accountId = Publisher.newAccountId();
        double missingBefore = Metrics.sum("kam_projection_missing_events");
        inStream(accountId, 1, "AccountRegistered", Fixtures.registered("Gap GmbH"));
        inStream(accountId, 2, "KeyAccountDesignated", Fixtures.designated());
        inStream(accountId, 5, "RevenueRecognized", Fixtures.revenue("2025-12", "100.00", "60.00"));
        awaitEvents(accountId, 3);

        List<Map<String, Object>> expected = List.of(missing(ACCOUNTS_SOURCE, accountId, 3, 4));
        for (String report : List.of("health", "stage", "dmu", "timeline", "margin-pressure")) {
            JsonPath body = report(accountId, report);
            assertThat(body.getBoolean("dataComplete")).as(report).isFalse();
            assertThat(body.getList("missingEvents")).as(report).isEqualTo(expected);
        }
        JsonPath portfolio = portfolioReport("/api/reports/portfolio/health");
        assertThat(portfolio.getBoolean("dataComplete")).isFalse();
        assertThat(portfolio.getInt("accountsWithMissingEvents")).isPositive();
        assertThat(portfolio.getLong("missingEventCount")).isGreaterThanOrEqualTo(2);
        assertThat(portfolio.getList("incompleteAccountIds", String.class)).contains(accountId);
        assertThat(portfolio.getBoolean("entries.find { it.accountId == '" + accountId + "' }.dataComplete")).isFalse();
        assertThat(portfolioReport("/api/reports/managers").getList("managers.alerts.flatten().findAll { it.accountId == '"
                + accountId + "' }.kind", String.class)).contains("MISSING_EVENTS");
        for (String path : List.of("/api/reports/portfolio/dependency-risk", "/api/reports/portfolio/margin-pressure",
                "/api/reports/portfolio/neglected-potential")) {
            assertThat(portfolioReport(path).getList("incompleteAccountIds", String.class)).as(path).contains(accountId);
        }
        await().atMost(WAIT).until(() -> Metrics.sum("kam_projection_missing_events") >= missingBefore + 2);
        assertThat(Metrics.sum("kam_projection_streams_with_gaps")).isPositive();

        String late = inStream(accountId, 3, "SalesPotentialAssessed", Fixtures.potential("900000"));
        awaitEvents(accountId, 4);
        assertThat(report(accountId, "health").getList("missingEvents")).isEqualTo(List.of(missing(ACCOUNTS_SOURCE, accountId, 4, 4)));

        // A redelivery of the late event changes nothing; version 6 then follows in the same partition.
        publisher.publish(Fixtures.ACCOUNTS, ACCOUNTS_SOURCE, late, accountId, "SalesPotentialAssessed", "2026-01-03T09:00:00Z",
                Fixtures.potential("900000"), accountId, 3L);
        inStream(accountId, 6, "KeyAccountManagerAssigned", Fixtures.manager("kam-gap", "Gap Manager"));
        awaitEvents(accountId, 5);
        assertThat(report(accountId, "health").getList("missingEvents")).isEqualTo(List.of(missing(ACCOUNTS_SOURCE, accountId, 4, 4)));

        inStream(accountId, 4, "RevenueRecognized", Fixtures.revenue("2025-11", "50.00", "30.00"));
        awaitEvents(accountId, 6);
        JsonPath complete = report(accountId, "health");
        assertThat(complete.getBoolean("dataComplete")).isTrue();
        assertThat(complete.getList("missingEvents")).isEmpty();
    }

    @Test
    void missingVersionsAreListedPerSourceInNumericOrder() {
        String accountId = Publisher.newAccountId();
        inStream(accountId, 1, "AccountRegistered", Fixtures.registered("Order AG"));
        inStream(accountId, 2, "SalesPotentialAssessed", Fixtures.potential("100"));
        inStream(accountId, 10, "SalesPotentialAssessed", Fixtures.potential("200"));
        inStream(accountId, 12, "SalesPotentialAssessed", Fixtures.potential("300"));
        // Another producer with a stream of the same id and no gap: stream ids are only unique within their source.
        for (long v = 1; v <= 2; v++) {
            publisher.publish(Fixtures.ACCOUNTS, "/kam-platform/partner-feed", "evt-" + UUID.randomUUID(), accountId,
                    "SalesPotentialAssessed", "2026-01-0" + v + "T10:00:00Z", Fixtures.potential("1"), accountId, v);
        }
        awaitEvents(accountId, 6);
        assertThat(report(accountId, "health").getList("missingEvents")).isEqualTo(List.of(
                missing(ACCOUNTS_SOURCE, accountId, 3, 9), missing(ACCOUNTS_SOURCE, accountId, 11, 11)));
    }

    @Test
    void aJumpOfThousandsIsOneRangeThatALateVersionSplits() {
        String accountId = Publisher.newAccountId();
        inStream(accountId, 1, "AccountRegistered", Fixtures.registered("Jump plc"));
        inStream(accountId, 5000, "SalesPotentialAssessed", Fixtures.potential("100"));
        awaitEvents(accountId, 2);
        assertThat(report(accountId, "timeline").getList("missingEvents"))
                .isEqualTo(List.of(missing(ACCOUNTS_SOURCE, accountId, 2, 4999)));

        inStream(accountId, 2500, "KeyAccountDesignated", Fixtures.designated());
        awaitEvents(accountId, 3);
        assertThat(report(accountId, "timeline").getList("missingEvents")).isEqualTo(List.of(
                missing(ACCOUNTS_SOURCE, accountId, 2, 2499), missing(ACCOUNTS_SOURCE, accountId, 2501, 4999)));
    }

    @Test
    void aReusedVersionIsCountedOnceAndTheFirstEventKept() {
        String accountId = Publisher.newAccountId();
        double conflictsBefore = Metrics.sum("kam_projection_version_conflicts_total");
        String first = inStream(accountId, 1, "AccountRegistered", Fixtures.registered("First GmbH"));
        String second = inStream(accountId, 1, "AccountRegistered", Fixtures.registered("Second GmbH"));
        inStream(accountId, 2, "KeyAccountDesignated", Fixtures.designated());
        awaitEvents(accountId, 2);
        await().atMost(WAIT).until(() -> Metrics.sum("kam_projection_version_conflicts_total") == conflictsBefore + 1);

        // Redelivered, the conflicting event counts nothing again.
        publisher.publish(Fixtures.ACCOUNTS, ACCOUNTS_SOURCE, second, accountId, "AccountRegistered", "2026-01-01T09:00:00Z",
                Fixtures.registered("Second GmbH"), accountId, 1L);
        inStream(accountId, 3, "SalesPotentialAssessed", Fixtures.potential("100"));
        awaitEvents(accountId, 3);
        JsonPath timeline = report(accountId, "timeline");
        assertThat(timeline.getList("events.eventId", String.class)).contains(first).doesNotContain(second);
        assertThat(timeline.getBoolean("dataComplete")).isTrue();
        assertThat(Metrics.sum("kam_projection_version_conflicts_total")).isEqualTo(conflictsBefore + 1);
    }

    @Test
    void recordsWithoutStreamIdAreNotTrackedAndDoNotMakeLaterStreamsLookIncomplete() {
        String accountId = Publisher.newAccountId();
        // An older producer: a stream version but no stream id.
        publisher.publish(Fixtures.ACCOUNTS, ACCOUNTS_SOURCE, "evt-" + UUID.randomUUID(), accountId, "AccountRegistered",
                "2026-01-01T09:00:00Z", Fixtures.registered("Legacy SA"), null, 1L);
        publisher.publish(Fixtures.ACCOUNTS, ACCOUNTS_SOURCE, "evt-" + UUID.randomUUID(), accountId, "SalesPotentialAssessed",
                "2026-01-02T09:00:00Z", Fixtures.potential("100"), null, 4L);
        // Upgraded: from version 5 on with the stream id; 1-4 arrived unlabelled and are not missing.
        inStream(accountId, 5, "KeyAccountDesignated", Fixtures.designated());
        awaitEvents(accountId, 3);
        assertThat(report(accountId, "health").getBoolean("dataComplete")).isTrue();

        inStream(accountId, 7, "SalesPotentialAssessed", Fixtures.potential("200"));
        awaitEvents(accountId, 4);
        assertThat(report(accountId, "health").getList("missingEvents")).isEqualTo(List.of(missing(ACCOUNTS_SOURCE, accountId, 6, 6)));
    }

    static Map<String, Object> missing(String source, String streamId, int from, int to) {
        return Map.of("source", source, "streamId", streamId, "fromVersion", from, "toVersion", to);
    }

    static void awaitEvents(String accountId, int count) {
        await().atMost(WAIT).until(() -> given().auth().oauth2(Tokens.reader())
                .when().get("/api/reports/accounts/{id}/timeline", accountId)
                .then().extract().jsonPath().getList("events").size() == count);
    }

    static JsonPath report(String accountId, String report) {
        return given().auth().oauth2(Tokens.reader()).when().get("/api/reports/accounts/{id}/" + report, accountId)
                .then().statusCode(200).extract().jsonPath();
    }

    static JsonPath portfolioReport(String path) {
        return given().auth().oauth2(Tokens.reader()).queryParam("limit", 1000).when().get(path).then().statusCode(200).extract().jsonPath();
    }
}
