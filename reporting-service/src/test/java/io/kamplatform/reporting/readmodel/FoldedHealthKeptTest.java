package io.kamplatform.reporting.readmodel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kamplatform.reporting.application.AccountAssessment;
import io.kamplatform.reporting.application.AccountAssessor;
import io.kamplatform.reporting.application.AccountSummarizer;
import io.kamplatform.reporting.application.AccountSummary;
import io.kamplatform.reporting.application.CurrentHealthReports;
import io.kamplatform.reporting.application.KamReports;
import io.kamplatform.reporting.store.FactStore;
import io.kamplatform.reporting.support.Fixtures;
import io.kamplatform.reporting.support.Metrics;
import io.kamplatform.reporting.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An account health report for now that has to fold (no current summary, or a stale one) keeps its fold as the
 * account's current summary, at the account version read before the facts: the next report reads it, and what it stores
 * is what the refresher would have computed at that instant. The refresher is idle here (its first run an hour away)
 * and the insights off, so every row this test sees was written by a report.
 */
@QuarkusTest
@TestProfile(FoldedHealthKeptTest.RefresherIdle.class)
class FoldedHealthKeptTest {

    public static class RefresherIdle implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The insight pass computes missing current summaries too: off here.
            return Map.of("kam.read-models.refresh-interval", "1h", "kam.insights.enabled", "false");
        }
    }

    static final String HEALTH = "kam_read_models_current_health_total";
    static final String KEPT = "kam_read_models_current_kept_from_reports_total";

    @Inject
    FactStore facts;
    @Inject
    ObjectMapper mapper;
    @Inject
    Pool pool;
    @Inject
    KamReports reports;
    @Inject
    AccountAssessor assessor;
    @Inject
    AccountSummarizer summarizer;
    @Inject
    CurrentHealthReports current;

    @Test
    void aFoldedReportForNowIsKeptAndTheNextOneReadsIt() throws Exception {
        for (boolean key : List.of(true, false)) {
            String account = CurrentHealthReportTest.account(facts, "KEPT-" + (key ? "KEY" : "OTHER"), key);
            assertThat(row(account)).as("no current summary before the first report").isNull();

            double folded = Metrics.sum(HEALTH, "answered=\"folded\"");
            double kept = Metrics.sum(KEPT);
            JsonNode first = health(account);
            Instant at = Instant.parse(first.get("asOf").asText());
            assertThat(Metrics.sum(HEALTH, "answered=\"folded\"")).as("the first report folds").isEqualTo(folded + 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> Metrics.sum(KEPT) == kept + 1);

            Row stored = row(account);
            assertThat(stored).as("%s: the fold kept as the current summary", account).isNotNull();
            assertThat(stored.getLong("version")).as("at the account's version").isEqualTo(version(account));
            assertThat(stored.getOffsetDateTime("as_of").toInstant()).as("at the report's instant").isEqualTo(at);
            assertThat(mapper.readTree(stored.getString("health"))).as("the report's health").isEqualTo(first.get("health"));
            assertThat(mapper.readTree(stored.getString("trend"))).as("the report's trend").isEqualTo(first.get("trend"));

            // What the refresher would have stored at the same instant: the current summary of the same history.
            var history = assessor.history(facts.factsOf(account, at.atOffset(ZoneOffset.UTC))
                    .await().atMost(Duration.ofSeconds(30)));
            AccountSummary oracle = summarizer.summarizeCurrent(account, history, at).summary();
            assertThat(mapper.readTree(stored.getString("summary"))).as("%s: the summary the refresher computes", account)
                    .isEqualTo(mapper.readTree(mapper.writeValueAsString(oracle.withoutEvidence())));
            assertThat(mapper.readTree(stored.getString("evidence"))).as("and its evidence")
                    .isEqualTo(mapper.readTree(mapper.writeValueAsString(oracle.evidence())));

            double read = Metrics.sum(HEALTH, "answered=\"read\"");
            JsonNode second = health(account);
            assertThat(Metrics.sum(HEALTH, "answered=\"read\"")).as("the next report reads it").isEqualTo(read + 1);
            assertThat(second.get("asOf").asText()).as("as of the kept instant").isEqualTo(first.get("asOf").asText());
            assertThat(second.get("health")).isEqualTo(first.get("health"));
        }
    }

    @Test
    void anEventProjectedBetweenTheLookUpAndTheFoldLeavesTheSummaryStaleNotWrong() throws Exception {
        String account = CurrentHealthReportTest.account(facts, "KEPT-RACE", false);
        long before = version(account);
        CurrentHealthReports.Lookup lookup = current.now(account).await().atMost(Duration.ofSeconds(10));
        assertThat(lookup.stored()).as("nothing stored: the report folds").isEmpty();
        assertThat(lookup.accountVersion()).isEqualTo(before);

        // The event arrives after the look-up and before the fold reads the facts: the fold counts it.
        facts.projectBatch(List.of(CurrentHealthReportTest.fact(account, "ComplaintRaised",
                Instant.now().minusSeconds(60), Fixtures.complaint("c-" + UUID.randomUUID(), "CRITICAL"))))
                .await().atMost(Duration.ofSeconds(30));
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        AccountAssessment fold = reports.account(account, at).await().atMost(Duration.ofSeconds(30)).orElseThrow();
        double kept = Metrics.sum(KEPT);
        current.keep(account, lookup, fold, at);
        await().atMost(Duration.ofSeconds(30)).until(() -> Metrics.sum(KEPT) == kept + 1);

        assertThat(row(account).getLong("version")).as("kept under the version read before the facts")
                .isEqualTo(before).isLessThan(version(account));
        double folded = Metrics.sum(HEALTH, "answered=\"folded\"");
        JsonNode answer = health(account);
        assertThat(Metrics.sum(HEALTH, "answered=\"folded\"")).as("stale: the next report folds again")
                .isEqualTo(folded + 1);
        assertThat(Instant.parse(answer.get("asOf").asText())).isAfter(at);
        await().atMost(Duration.ofSeconds(30)).until(() -> row(account).getLong("version") == version(account));
    }

    private long version(String account) {
        return pool.preparedQuery("SELECT version FROM accounts WHERE account_id = $1").execute(Tuple.of(account))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong("version");
    }

    private Row row(String account) {
        RowSet<Row> rows = pool.preparedQuery("SELECT version, as_of, summary, evidence, health, trend "
                        + "FROM current_summaries WHERE account_id = $1")
                .execute(Tuple.of(account)).await().atMost(Duration.ofSeconds(10));
        return rows.rowCount() == 0 ? null : rows.iterator().next();
    }

    private JsonNode health(String account) throws Exception {
        return mapper.readTree(given().auth().oauth2(Tokens.reader())
                .when().get("/api/reports/accounts/{id}/health", account)
                .then().statusCode(200).extract().asString());
    }
}
