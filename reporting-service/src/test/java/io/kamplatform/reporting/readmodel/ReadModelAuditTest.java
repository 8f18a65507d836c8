package io.kamplatform.reporting.readmodel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kamplatform.reporting.application.PortfolioReadModel;
import io.kamplatform.reporting.application.ReadModelAudit;
import io.kamplatform.reporting.application.ReadModelAudit.Finding;
import io.kamplatform.reporting.application.ReadModelAudit.Result;
import io.kamplatform.reporting.store.AuditedSummaries;
import io.kamplatform.reporting.store.FactStore;
import io.kamplatform.reporting.store.SummaryStore.Stored;
import io.kamplatform.reporting.store.IncomingFact;
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
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The read-model audit on real stored summaries (PostgreSQL): summaries the read models computed compare equal to the
 * fold; a summary changed behind their back (as a release with other formulas, a restore or a hand edit would leave it)
 * is found, named, counted and computed again; a current summary its account moved on from is not compared, and a point
 * a later fact left standing still compares equal. The refresher is idle and the audit's timer an hour away, so every
 * audit here is the test's own.
 */
@QuarkusTest
@TestProfile(ReadModelAuditTest.Quiet.class)
class ReadModelAuditTest {

    public static class Quiet implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kam.read-models.refresh-interval", "1h", "kam.insights.enabled", "false",
                    "kam.read-models.audit-every", "1h");
        }
    }

    static final String AUDIT = "kam_read_models_audit_total";
    static final String KEPT = "kam_read_models_current_kept_from_reports_total";
    /** Before any other test's facts: a point there holds only this test's accounts. */
    static final YearMonth FIRST = YearMonth.of(1999, 1);
    static final Instant POINT = Instant.parse("1999-06-30T23:59:59.999999Z");
    static final Instant NANO_POINT = Instant.parse("1999-07-15T12:00:00.123456789Z");

    @Inject
    FactStore facts;
    @Inject
    Pool pool;
    @Inject
    ReadModelAudit audit;
    @Inject
    PortfolioReadModel readModel;
    @Inject
    AuditedSummaries audited;

    @Test
    void summariesTheReadModelsStoredCompareEqualToTheFold() {
        String account = accountWithSummaries("AUDIT-EQ");
        // A point asked to the nanosecond is kept to the microsecond, as its row's as_of is: summary and row agree.
        readModel.point(NANO_POINT, false).await().atMost(Duration.ofSeconds(60));
        List<Finding> findings = audit(account);
        assertThat(findings).as("the current summary and the two points").hasSize(3)
                .allSatisfy(f -> assertThat(f.result()).as("%s", f).isEqualTo(Result.EQUAL));
        assertThat(findings).filteredOn(Finding::current).singleElement()
                .satisfies(f -> assertThat(f.differences()).isEmpty());
        assertThat(findings).filteredOn(f -> !f.current()).extracting(Finding::asOf)
                .containsExactly(POINT, NANO_POINT.truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void aSummaryChangedBehindTheReadModelsIsFoundCountedAndComputedAgain() {
        String account = accountWithSummaries("AUDIT-DIFF");
        long version = version(account);
        execute("UPDATE current_summaries SET summary = jsonb_set(summary::jsonb, '{sector}', '\"Tampered\"')::text, "
                + "health = jsonb_set(health::jsonb, '{score}', '1')::text WHERE account_id = $1", account);
        execute("UPDATE account_summaries SET evidence = jsonb_set(evidence::jsonb, '{revenueEventIds}', '[]')::text "
                + "WHERE account_id = $1", account);
        double differed = Metrics.sum(AUDIT, "result=\"differed\"");

        List<Finding> findings = audit(account);

        assertThat(findings).filteredOn(Finding::current).singleElement().satisfies(f -> {
            assertThat(f.result()).isEqualTo(Result.DIFFERED);
            assertThat(f.differences()).as("named down to the fields").containsExactly("summary [sector]", "health [score]");
        });
        assertThat(findings).filteredOn(f -> !f.current()).singleElement().satisfies(f -> {
            assertThat(f.result()).isEqualTo(Result.DIFFERED);
            assertThat(f.differences()).containsExactly("evidence [revenueEventIds]");
        });
        assertThat(Metrics.sum(AUDIT, "result=\"differed\"")).as("counted").isEqualTo(differed + 2);

        // Repaired: the current summary is stale (the next report folds and keeps a right one), the point is gone
        // (computed again when asked), and then both compare equal.
        Row current = currentRow(account);
        assertThat(current.getLong("version")).as("the current summary made stale").isNotEqualTo(version);
        assertThat(points(account)).as("the point deleted").isZero();
        double kept = Metrics.sum(KEPT);
        healthReport(account);
        await().atMost(Duration.ofSeconds(30)).until(() -> Metrics.sum(KEPT) > kept);
        readModel.point(POINT, false).await().atMost(Duration.ofSeconds(60));
        assertThat(audit(account)).hasSize(2).allSatisfy(f -> assertThat(f.result()).as("%s", f).isEqualTo(Result.EQUAL));
    }

    @Test
    void aCurrentSummaryBehindItsAccountIsNotComparedAndAPointALaterFactLeftStillHolds() {
        String account = accountWithSummaries("AUDIT-STALE");
        double stale = Metrics.sum(AUDIT, "result=\"stale\"");
        // A fact after the point: the current summary is stale now, the point still exact (and its version older).
        facts.projectBatch(List.of(fact(account, "ComplaintRaised", Instant.now().minusSeconds(60),
                Fixtures.complaint("c-" + UUID.randomUUID(), "CRITICAL")))).await().atMost(Duration.ofSeconds(30));

        List<Finding> findings = audit(account);

        assertThat(findings).filteredOn(Finding::current).singleElement()
                .satisfies(f -> assertThat(f.result()).isEqualTo(Result.STALE));
        assertThat(findings).filteredOn(f -> !f.current()).singleElement()
                .satisfies(f -> assertThat(f.result()).isEqualTo(Result.EQUAL));
        assertThat(Metrics.sum(AUDIT, "result=\"stale\"")).isEqualTo(stale + 1);
        assertThat(currentRow(account).getLong("version")).as("left to the refresher, not repaired")
                .isLessThan(version(account)).isPositive();

        // Repairs touch only the row audited: another instant or version (a row written since) is left alone.
        Stored current = audited.of(account).await().atMost(Duration.ofSeconds(10)).orElseThrow().current();
        Stored point = audited.of(account).await().atMost(Duration.ofSeconds(10)).orElseThrow().points().get(0);
        assertThat(repaired(audited.recomputeCurrent(with(current, current.asOf().minusMillis(1), current.version()))))
                .as("another instant").isFalse();
        assertThat(repaired(audited.recomputeCurrent(with(current, current.asOf(), current.version() + 1))))
                .as("another version").isFalse();
        assertThat(repaired(audited.recomputePoint(with(point, point.asOf(), point.version() + 1)))).isFalse();
        assertThat(currentRow(account).getLong("version")).isEqualTo(current.version());
        assertThat(points(account)).isOne();
        assertThat(repaired(audited.recomputePoint(point))).as("the row audited").isTrue();
        assertThat(points(account)).isZero();
    }

    @Test
    void theRoundGoesAccountByAccountInIdOrderAndFindsAChangedSummary() {
        String account = accountWithSummaries("AUDIT-ROUND");
        execute("UPDATE account_summaries SET summary = jsonb_set(summary::jsonb, '{sector}', '\"Tampered\"')::text "
                + "WHERE account_id = $1", account);
        List<String> seen = new ArrayList<>();
        Finding found = null;
        for (int i = 0; i < 20_000 && found == null; i++) {
            List<Finding> findings = audit.auditNext().await().atMost(Duration.ofSeconds(30));
            if (!findings.isEmpty()) {
                seen.add(findings.get(0).accountId());
            }
            found = findings.stream().filter(f -> f.accountId().equals(account) && f.result() == Result.DIFFERED)
                    .findFirst().orElse(null);
        }
        assertThat(found).as("the round reaches the account and finds the changed point").isNotNull();
        assertThat(found.differences()).containsExactly("summary [sector]");
        List<String> inOrder = new ArrayList<>();
        pool.query("SELECT account_id FROM accounts ORDER BY account_id").execute().await().atMost(Duration.ofSeconds(10))
                .forEach(r -> inOrder.add(r.getString("account_id")));
        assertThat(seen).as("one account after another in the database's id order, from the first")
                .isEqualTo(inOrder.subList(0, seen.size()));
        assertThat(points(account)).as("repaired").isZero();
    }

    @Test
    void aPointComputedAgainAtTheSameVersionIsReadAgainNotAnsweredFromAnEarlierParse() {
        String account = accountWithSummaries("AUDIT-PARSED");
        assertThat(sectorAtPoint(account)).as("parsed once").isEqualTo(sectorAtPoint(account)).isNotEqualTo("Recomputed");
        // What another replica's repair leaves: the row deleted and stored again, at the same account version.
        execute("UPDATE account_summaries SET summary = jsonb_set(summary::jsonb, '{sector}', '\"Recomputed\"')::text, "
                + "computed_at = clock_timestamp() WHERE account_id = $1", account);
        assertThat(sectorAtPoint(account)).as("the new row, not this instance's parse of the old one")
                .isEqualTo("Recomputed");
    }

    private String sectorAtPoint(String account) {
        return readModel.point(POINT, false).await().atMost(Duration.ofSeconds(60)).accounts().stream()
                .filter(a -> a.accountId().equals(account)).findFirst().orElseThrow().sector();
    }

    /**
     * An account with history from 1999 to last month, its point at the end of June 1999 computed by the read model, and
     * its current summary kept from an account health report for now.
     */
    private String accountWithSummaries(String prefix) {
        String account = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Instant registered = FIRST.atDay(5).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<IncomingFact> history = new ArrayList<>();
        history.add(fact(account, "AccountRegistered", registered, Fixtures.registered(account)));
        history.add(fact(account, "KeyAccountDesignated", registered.plusSeconds(60), Fixtures.designated()));
        history.add(fact(account, "ContactAdded", registered.plusSeconds(120),
                Fixtures.contact("ct-1", "\"DECIDER\"", "EXECUTIVE")));
        for (YearMonth month : List.of(FIRST, FIRST.plusMonths(2), FIRST.plusMonths(4), FIRST.plusMonths(8),
                YearMonth.now(ZoneOffset.UTC).minusMonths(2), YearMonth.now(ZoneOffset.UTC).minusMonths(1))) {
            Instant day = month.atDay(20).atStartOfDay(ZoneOffset.UTC).toInstant();
            history.add(fact(account, "RevenueRecognized", day, Fixtures.revenue(month.toString(), "1000.00", "700.00")));
            history.add(fact(account, "InteractionRecorded", day.plusSeconds(3600),
                    Fixtures.interaction("i-" + month, "MEETING", "\"ct-1\"", "SALES", true)));
        }
        facts.projectBatch(history).await().atMost(Duration.ofSeconds(30));
        readModel.point(POINT, false).await().atMost(Duration.ofSeconds(60));
        assertThat(points(account)).as("the point stored").isOne();
        double kept = Metrics.sum(KEPT);
        healthReport(account);
        await().atMost(Duration.ofSeconds(30)).until(() -> Metrics.sum(KEPT) > kept
                && currentRow(account) != null && currentRow(account).getLong("version") == version(account));
        return account;
    }

    private static Stored with(Stored row, Instant asOf, long version) {
        return new Stored(row.accountId(), asOf, version, row.keyAccount(), row.summary(), row.evidence(), row.health(),
                row.trend());
    }

    private static boolean repaired(io.smallrye.mutiny.Uni<Boolean> repair) {
        return repair.await().atMost(Duration.ofSeconds(10));
    }

    private List<Finding> audit(String account) {
        return audit.audit(account).await().atMost(Duration.ofSeconds(30));
    }

    private static IncomingFact fact(String account, String type, Instant at, String data) {
        return Fixtures.direct("/kam-platform/account-service", account, type, at, data);
    }

    private void healthReport(String account) {
        given().auth().oauth2(Tokens.reader()).when().get("/api/reports/accounts/{id}/health", account)
                .then().statusCode(200);
    }

    private void execute(String sql, String account) {
        pool.preparedQuery(sql).execute(Tuple.of(account)).await().atMost(Duration.ofSeconds(10));
    }

    private long version(String account) {
        return pool.preparedQuery("SELECT version FROM accounts WHERE account_id = $1").execute(Tuple.of(account))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong("version");
    }

    private Row currentRow(String account) {
        RowSet<Row> rows = pool.preparedQuery("SELECT version FROM current_summaries WHERE account_id = $1")
                .execute(Tuple.of(account)).await().atMost(Duration.ofSeconds(10));
        return rows.rowCount() == 0 ? null : rows.iterator().next();
    }

    private long points(String account) {
        return pool.preparedQuery("SELECT count(*) AS n FROM account_summaries WHERE account_id = $1")
                .execute(Tuple.of(account)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong("n");
    }
}
