package io.kamplatform.reporting.readmodel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kamplatform.reporting.application.AccountAssessment;
import io.kamplatform.reporting.application.KamReports;
import io.kamplatform.reporting.store.FactStore;
import io.kamplatform.reporting.store.IncomingFact;
import io.kamplatform.reporting.support.Fixtures;
import io.kamplatform.reporting.support.Metrics;
import io.kamplatform.reporting.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The account health report for now is read from the account's current summary (CurrentHealthReports) and says the
 * same as the fold at the instant it states; once an event arrives for the account, or its stored report is missing, it
 * answers after that (folded at now until the refresher computes it again); another model is folded.
 */
@QuarkusTest
class CurrentHealthReportTest {

    static final String SOURCE = "/kam-platform/current-health-test";
    static final String READ = "kam_read_models_current_health_total";

    @Inject
    FactStore facts;
    @Inject
    ObjectMapper mapper;
    @Inject
    Pool pool;
    @Inject
    KamReports reports;

    @Test
    void nowIsReadFromTheCurrentSummaryAndEqualsTheFoldAtItsInstant() throws Exception {
        String key = account("CURRENT-HEALTH-KEY", true);
        String other = account("CURRENT-HEALTH-OTHER", false);

        for (String account : List.of(key, other)) {
            Instant assessedAt = awaitStoredHealth(account);
            double readBefore = Metrics.sum(READ, "answered=\"read\"");
            JsonNode now = health(account, null, null);
            assertThat(Instant.parse(now.get("asOf").asText())).as("%s: answered as of the stored assessment", account)
                    .isEqualTo(assessedAt);
            assertThat(Metrics.sum(READ, "answered=\"read\"")).as("counted as read").isEqualTo(readBefore + 1);
            assertIsTheFoldAtItsAsOf(account, now);
            assertThat(now.get("health").get("factors").size()).as("factors with inputs and events").isPositive();
        }

        // An event for the account makes the stored report stale: the answer comes after the event and counts it
        // (folded at now, or read if the refresher computed it again in between).
        Instant before = Instant.now();
        facts.projectBatch(List.of(fact(other, "ComplaintRaised", before.minusSeconds(60),
                Fixtures.complaint("c-" + UUID.randomUUID(), "CRITICAL")))).await().atMost(Duration.ofSeconds(30));
        JsonNode after = health(other, null, null);
        assertThat(Instant.parse(after.get("asOf").asText())).as("not the stale stored instant").isAfterOrEqualTo(before);
        assertThat(openComplaints(after)).as("the complaint counts").isEqualTo(1);
        assertIsTheFoldAtItsAsOf(other, after);

        // A summary stored without its health report (before V10, or by a rebuild's warm-up) is computed again by the
        // refresher, and folded meanwhile.
        Instant dropped = Instant.now();
        pool.preparedQuery("UPDATE current_summaries SET health = NULL, trend = NULL WHERE account_id = $1")
                .execute(Tuple.of(key)).await().atMost(Duration.ofSeconds(10));
        JsonNode meanwhile = health(key, null, null);
        assertThat(Instant.parse(meanwhile.get("asOf").asText()))
                .as("folded at now, or read after the refresher computed it again").isAfterOrEqualTo(dropped);
        assertIsTheFoldAtItsAsOf(key, meanwhile);
        assertThat(awaitStoredHealth(key)).as("computed again without a new event").isAfterOrEqualTo(dropped);

        // Another model is folded whatever is stored.
        JsonNode otherModel = health(key, null, "kam-health-2");
        assertThat(otherModel.get("health").get("modelVersion").asText()).isEqualTo("kam-health-2");
        assertThat(Instant.parse(otherModel.get("asOf").asText())).isAfterOrEqualTo(before);
    }

    /**
     * The answer's health and trend are what the account reports' fold gives at the answer's asOf, computed here in
     * process (asking the API with that asOf would be answered as now again when it lies within now-tolerance).
     */
    private void assertIsTheFoldAtItsAsOf(String account, JsonNode answer) throws Exception {
        Instant at = Instant.parse(answer.get("asOf").asText());
        AccountAssessment fold = reports.account(account, at).await().atMost(Duration.ofSeconds(30)).orElseThrow();
        assertThat(answer.get("health")).as("%s: health is the fold at %s", account, at)
                .isEqualTo(mapper.readTree(mapper.writeValueAsString(fold.health())));
        assertThat(answer.get("trend")).as("%s: trend is the fold at %s", account, at)
                .isEqualTo(mapper.readTree(mapper.writeValueAsString(fold.trend())));
    }

    private static int openComplaints(JsonNode answer) {
        for (JsonNode factor : answer.get("health").get("factors")) {
            if (factor.get("name").asText().equals("Service")) {
                return factor.get("inputs").get("openComplaints").asInt();
            }
        }
        throw new AssertionError("no Service factor in " + answer);
    }

    /** Waits until the refresher stored the account's current summary, with its health report; its instant. */
    private Instant awaitStoredHealth(String account) {
        List<Instant> at = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            RowSet<Row> rows = pool.preparedQuery("SELECT c.as_of FROM current_summaries c JOIN accounts a "
                            + "ON a.account_id = c.account_id WHERE c.account_id = $1 AND c.version = a.version "
                            + "AND c.health IS NOT NULL AND c.trend IS NOT NULL")
                    .execute(Tuple.of(account)).await().atMost(Duration.ofSeconds(10));
            assertThat(rows.rowCount()).as("current health of %s stored", account).isEqualTo(1);
            at.add(0, rows.iterator().next().getOffsetDateTime("as_of").toInstant());
        });
        return at.get(0);
    }

    private JsonNode health(String account, String asOf, String model) throws Exception {
        var request = given().auth().oauth2(Tokens.reader());
        if (asOf != null) {
            request.queryParam("asOf", asOf);
        }
        if (model != null) {
            request.queryParam("model", model);
        }
        return mapper.readTree(request.when().get("/api/reports/accounts/{id}/health", account)
                .then().statusCode(200).extract().asString());
    }

    private String account(String prefix, boolean keyAccount) {
        return account(facts, prefix, keyAccount);
    }

    /** An account registered eight months ago (designated key when asked), with a contact, revenue and meetings. */
    static String account(FactStore facts, String prefix, boolean keyAccount) {
        String account = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        YearMonth thisMonth = YearMonth.now(ZoneOffset.UTC);
        Instant registered = thisMonth.minusMonths(8).atDay(3).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<IncomingFact> history = new ArrayList<>();
        history.add(fact(account, "AccountRegistered", registered, Fixtures.registered(account)));
        if (keyAccount) {
            history.add(fact(account, "KeyAccountDesignated", registered.plusSeconds(60), Fixtures.designated()));
        }
        history.add(fact(account, "ContactAdded", registered.plusSeconds(120),
                Fixtures.contact("ct-1", "\"DECIDER\"", "EXECUTIVE")));
        for (int m = 7; m >= 1; m--) {
            YearMonth month = thisMonth.minusMonths(m);
            Instant day = month.atDay(20).atStartOfDay(ZoneOffset.UTC).toInstant();
            history.add(fact(account, "RevenueRecognized", day, Fixtures.revenue(month.toString(), "1000.00", "700.00")));
            history.add(fact(account, "InteractionRecorded", day.plusSeconds(3600),
                    Fixtures.interaction("i-" + m, "MEETING", "\"ct-1\"", "SALES", true)));
        }
        facts.projectBatch(history).await().atMost(Duration.ofSeconds(30));
        return account;
    }

    static IncomingFact fact(String account, String type, Instant at, String data) {
        return Fixtures.direct(SOURCE, account, type, at, data);
    }
}
