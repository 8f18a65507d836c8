package io.kamplatform.reporting.rebuild;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kamplatform.reporting.application.CurrentStatesMirror;
import io.kamplatform.reporting.projection.TiesInTimeTest;
import io.kamplatform.reporting.support.Fixtures;
import io.kamplatform.reporting.support.Jdbc;
import io.kamplatform.reporting.support.Metrics;
import io.kamplatform.reporting.support.Publisher;
import io.kamplatform.reporting.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * POST /api/admin/read-models/rebuild against the real broker and database: the topics are replayed into fresh tables
 * while the live ones answer; the switch is held back (a reader keeps a table the switch must move) so progress, the
 * 409 for a second rebuild, reports answering and events arriving meanwhile can be seen; after the switch every fact,
 * stream and gap is what it was (nothing lost, nothing twice), the events that arrived meanwhile are there once, the
 * live projection goes on into the new tables, and the reports answer as before.
 */
@QuarkusTest
class ReadModelRebuildTest {

    static final String AS_OF = "2012-12-31";
    static final String RUN = Publisher.newAccountId().substring(5);
    static final String MANAGER = "kam-rebuild-" + RUN;
    /** Tests that store facts directly, not via Kafka (a rebuild cannot replay them), by their source. */
    static final List<String> DIRECT_SOURCES = List.of("/kam-platform/oracle-test", "/kam-platform/current-health-test",
            "/kam-platform/states-mirror-test", "/kam-platform/month-ends-test", TiesInTimeTest.SOURCE,
            io.kamplatform.reporting.readmodel.PointComputedOnceTest.SOURCE);
    static final String PATH = "/api/admin/read-models/rebuild";
    static final String MIRROR_READS = "kam_read_models_current_states_reads_total";
    static final String TRIGGERS = "SELECT tgrelid::regclass || '.' || tgname FROM pg_trigger WHERE NOT tgisinternal "
            + "AND tgrelid::regclass::text NOT LIKE '%.%' ORDER BY 1";

    @Inject
    CurrentStatesMirror mirror;

    @Test
    void rebuildsIntoFreshTablesWhileTheLiveOnesAnswerAndSwitchesWithoutLosingOrDoublingAnEvent() throws Exception {
        List<String> accounts = List.of("RB1-" + RUN, "RB2-" + RUN, "RB3-" + RUN, "RB4-" + RUN);
        try (Publisher p = new Publisher()) {
            for (int i = 0; i < accounts.size(); i++) {
                String id = accounts.get(i);
                p.publish(id, "AccountRegistered", "2012-01-02T09:00:00Z", Fixtures.registered("Rebuilt " + i));
                p.publish(id, "KeyAccountDesignated", "2012-01-03T09:00:00Z", Fixtures.designated());
                p.publish(id, "KeyAccountManagerAssigned", "2012-01-03T10:00:00Z", Fixtures.manager(MANAGER, "Rebuild Manager"));
                p.publish(id, "RevenueRecognized", "2012-06-30T12:00:00Z", Fixtures.revenue("2012-06", (250 * (i + 1)) + ".00", "100.00"));
                p.publish(id, "SalesPotentialAssessed", "2012-02-01T09:00:00Z", Fixtures.potential("5000"));
            }
        }
        for (String id : accounts) {
            awaitEvents(id, 5);
        }
        Map<String, List<String>> before = tables();
        List<String> indexesBefore = column("SELECT indexname FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1");
        List<String> triggersBefore = column(TRIGGERS);
        mirror.at(java.time.Instant.now()).await().atMost(Duration.ofSeconds(30)); // holds the live tables' states
        double fullReadsBefore = Metrics.sum(MIRROR_READS, "read=\"full\"");
        Map<String, Object> reportsBefore = reports(accounts);

        String during = "RBD-" + RUN + "-X"; // not one of the run's accounts in the reports compared
        try (Connection reader = connection(); Statement sql = reader.createStatement()) {
            reader.setAutoCommit(false);
            // A long read of a table the switch must move: the switch waits (and tries again), everything else goes on.
            sql.executeQuery("SELECT count(*) FROM stream_version_conflicts").close();
            JsonPath started = given().auth().oauth2(Tokens.admin()).when().post(PATH).then().statusCode(202)
                    .extract().jsonPath();
            assertThat(started.getString("state")).isEqualTo("REPLAYING");

            await().atMost(Duration.ofSeconds(120)).until(() -> progress().getInt("switchAttempts") >= 2);
            JsonPath switching = progress();
            assertThat(switching.getString("state")).isEqualTo("SWITCHING");
            assertThat(switching.getLong("eventsDone")).isGreaterThanOrEqualTo(before.get("account_facts").size());
            assertThat(switching.getDouble("eventsPerSecond")).isPositive();
            assertThat(switching.getList("partitions.topic")).contains(Fixtures.ACCOUNTS, Fixtures.INTERACTIONS, Fixtures.CONTRACTS);
            given().auth().oauth2(Tokens.admin()).when().post(PATH).then().statusCode(409)
                    .contentType("application/problem+json");
            given().when().post(PATH).then().statusCode(401);
            given().auth().oauth2(Tokens.reader()).when().post(PATH).then().statusCode(403);
            given().auth().oauth2(Tokens.reader()).when().get(PATH).then().statusCode(403);

            // The live read models answer and take new events meanwhile.
            assertThat(reports(accounts)).isEqualTo(reportsBefore);
            try (Publisher p = new Publisher()) {
                p.publish(during, "AccountRegistered", "2012-03-01T09:00:00Z", Fixtures.registered("Meanwhile"));
                p.publish(during, "SalesPotentialAssessed", "2012-03-02T09:00:00Z", Fixtures.potential("700"));
                p.publish(during, "InteractionRecorded", "2012-03-03T09:00:00Z",
                        Fixtures.interaction("i-1", "VISIT", "\"c-1\"", "SALES", true));
            }
            awaitEvents(during, 3);
            assertThat(progress().getString("state")).isEqualTo("SWITCHING");
            reader.commit();
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> !progress().getString("state").equals("SWITCHING"));
        JsonPath done = progress();
        assertThat(done.getString("state")).as(done.prettify()).isEqualTo("DONE");
        assertThat(done.getLong("lagRecords")).isZero();
        assertThat(done.getString("finishedAt")).isNotNull();

        assertThat(versionMirrored(during)).as("the mirror read the switched-in tables").isEqualTo(3);
        assertThat(Metrics.sum(MIRROR_READS, "read=\"full\"")).as("in full, their oid being another")
                .isGreaterThan(fullReadsBefore);
        try (Publisher p = new Publisher()) {
            p.publish(during, "SalesPotentialAssessed", "2012-04-01T09:00:00Z", Fixtures.potential("800"));
        }
        awaitEvents(during, 4); // the live projection goes on into the new tables
        assertThat(versionMirrored(during)).as("the new tables mark their changes: the mirror reads only those")
                .isEqualTo(4);

        Map<String, List<String>> after = tables();
        List<String> duringFacts = after.get("account_facts").stream().filter(f -> f.contains("\"" + during + "\"")).toList();
        assertThat(duringFacts).as("the events that arrived during the rebuild, once each").hasSize(4);
        List<String> afterWithoutDuring = new ArrayList<>(after.get("account_facts"));
        afterWithoutDuring.removeAll(duringFacts);
        assertThat(afterWithoutDuring).as("every fact replayed, none twice").isEqualTo(before.get("account_facts"));
        for (String table : List.of("stream_gaps", "stream_version_conflicts")) {
            assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
        }
        assertThat(after.get("projected_streams")).containsAll(before.get("projected_streams"));
        assertThat(reports(accounts)).isEqualTo(reportsBefore);
        assertThat(column("SELECT indexname FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1"))
                .as("the same index names, for later migrations").isEqualTo(indexesBefore);
        assertThat(column(TRIGGERS)).as("the same triggers (V11's change marks)").isEqualTo(triggersBefore)
                .contains("accounts.accounts_mark_changed");
        assertThat(column("SELECT nspname FROM pg_namespace WHERE nspname IN ('kam_rebuild', 'kam_retired')")).isEmpty();
    }

    /** The account's version in the portfolio reports' in-memory states (read now). */
    long versionMirrored(String account) {
        return mirror.at(java.time.Instant.now()).await().atMost(Duration.ofSeconds(30)).stream()
                .filter(s -> s.accountId().equals(account)).findFirst().orElseThrow().accountVersion();
    }

    /** The replayable content of the read-model tables, row by row (times of projection left out). */
    static Map<String, List<String>> tables() throws Exception {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        tables.put("account_facts", column("SELECT (to_jsonb(f) - 'projected_at')::text FROM account_facts f "
                + "WHERE source IS NULL OR source NOT IN ('" + String.join("', '", DIRECT_SOURCES) + "') ORDER BY source, event_id"));
        tables.put("projected_streams", column("SELECT to_jsonb(s)::text FROM projected_streams s ORDER BY 1"));
        tables.put("stream_gaps", column("SELECT to_jsonb(g)::text FROM stream_gaps g ORDER BY 1"));
        tables.put("stream_version_conflicts", column("SELECT (to_jsonb(c) - 'detected_at')::text FROM stream_version_conflicts c ORDER BY 1"));
        return tables;
    }

    static Connection connection() throws Exception {
        return Jdbc.connection();
    }

    static List<String> column(String query) throws Exception {
        try (Connection c = connection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    /** What the reports say about the run's accounts (read-model status left out: it says how, not what). */
    static Map<String, Object> reports(List<String> accounts) {
        Map<String, Object> reports = new LinkedHashMap<>();
        reports.put("portfolio", get("/api/reports/portfolio/health?limit=1000&manager=" + MANAGER).get("entries"));
        JsonPath risk = get("/api/reports/portfolio/dependency-risk?by=account&limit=1000&include=evidence");
        reports.put("customers", risk.getList("customers.findAll { it.customerId.endsWith('-" + RUN + "') }"));
        reports.put("margin", get("/api/reports/portfolio/margin-pressure?limit=1000")
                .getList("accounts.findAll { it.accountId.endsWith('-" + RUN + "') }"));
        for (String id : accounts) {
            reports.put(id, get("/api/reports/accounts/" + id + "/health").get("health"));
        }
        return reports;
    }

    static JsonPath get(String path) {
        return given().auth().oauth2(Tokens.reader()).queryParam("asOf", AS_OF).when().get(path)
                .then().statusCode(200).extract().jsonPath();
    }

    static JsonPath progress() {
        return given().auth().oauth2(Tokens.admin()).when().get(PATH).then().statusCode(200).extract().jsonPath();
    }

    static void awaitEvents(String accountId, int count) {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> given().auth().oauth2(Tokens.reader())
                .queryParam("limit", 500).when().get("/api/reports/accounts/{id}/timeline", accountId)
                .then().extract().jsonPath().getList("events").size() == count);
    }
}
