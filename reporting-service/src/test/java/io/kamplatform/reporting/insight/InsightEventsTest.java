package io.kamplatform.reporting.insight;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kamplatform.local.TestInfra;
import io.kamplatform.reporting.support.Fixtures;
import io.kamplatform.reporting.support.Publisher;
import io.kamplatform.reporting.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Insights through the real broker and database: a change of band is published once on kam.insight.events, naming the
 * event that caused it; a redelivered event, more passes and a rebuild of the read models publish nothing more; a
 * time-based conclusion derives the same insight in every pass of its day.
 */
@QuarkusTest
class InsightEventsTest {

    static final String TOPIC = "kam.insight.events";
    static final int EVENTS = 13;

    @Inject
    InsightPass pass;
    @Inject
    Pool pool;
    final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aBandChangeIsPublishedOnceNamingItsCauseAndNeitherRedeliveryNorPassesNorARebuildRepeatIt() throws Exception {
        awaitBaseline();
        String accountId = Publisher.newAccountId();
        Instant now = Instant.now();
        String complaintId;
        String complaintAt = now.minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        try (Publisher p = new Publisher()) {
            p.publish(accountId, "AccountRegistered", ago(now, 400), Fixtures.registered("Insight GmbH"));
            p.publish(accountId, "KeyAccountDesignated", ago(now, 390), Fixtures.designated());
            p.publish(accountId, "KeyAccountManagerAssigned", ago(now, 390), Fixtures.manager("kam-insights", "Ina Sight"));
            // A healthy partnership (KamReportsTest's): a covered DMU, regular two-way meetings, a running contract.
            p.publish(accountId, "ContactAdded", ago(now, 370), Fixtures.contact("c-ceo", "\"DECIDER\",\"SPONSOR\"", "EXECUTIVE"));
            p.publish(accountId, "ContactAdded", ago(now, 370), Fixtures.contact("c-buy", "\"BUYER\",\"INFLUENCER\"", "MANAGEMENT"));
            p.publish(accountId, "ContactAdded", ago(now, 370), Fixtures.contact("c-ops", "\"USER\",\"GATEKEEPER\"", "OPERATIONAL"));
            String[] functions = {"SALES", "TECHNICAL", "SERVICE"};
            for (int i = 0; i < 6; i++) {
                p.publish(accountId, "InteractionRecorded", ago(now, 5 + i * 12), Fixtures.interaction("i-" + i, "MEETING",
                        "\"c-ceo\",\"c-buy\",\"c-ops\"", functions[i % 3], true));
            }
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            p.publish(accountId, "ContractSigned", ago(now, 100), Fixtures.contractSigned("K-" + accountId,
                    today.minusDays(100).toString(), today.plusYears(3).toString(), true));
            awaitEvents(accountId, EVENTS);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                    .until(() -> pass(now()) && conclusions(accountId) != null);
            assertThat(conclusions(accountId).get("band").asText()).as("a band before the complaint").isNotEqualTo("RED");
            assertThat(conclusions(accountId).get("band").isNull()).isFalse();

            complaintId = p.publish(accountId, "ComplaintRaised", complaintAt, Fixtures.complaint("cp-9", "CRITICAL"));
            awaitEvents(accountId, EVENTS + 1);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> pass(now()) && records(accountId, "HealthBandChanged").size() == 1);
        ConsumerRecord<String, String> record = records(accountId, "HealthBandChanged").get(0);
        JsonNode data = mapper.readTree(record.value());
        assertThat(data.get("to").asText()).isEqualTo("RED");
        assertThat(data.get("band").asText()).isEqualTo("RED");
        assertThat(data.get("accountId").asText()).isEqualTo(accountId);
        assertThat(data.get("managerId").asText()).isEqualTo("kam-insights");
        assertThat(data.get("model").asText()).isEqualTo("kam-health-1");
        assertThat(mapper.convertValue(data.get("causes"), List.class)).containsExactly(complaintId);
        assertThat(header(record, "ce_id")).isEqualTo(data.get("insightId").asText());
        assertThat(header(record, "ce_type")).isEqualTo("HealthBandChanged");
        assertThat(header(record, "ce_subject")).isEqualTo(accountId).isEqualTo(record.key());
        assertThat(header(record, "ce_source")).isEqualTo("/kam-platform/reporting-service");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_dataschema")).isEqualTo("/schemas/insight-events/v1/HealthBandChanged.json");
        assertThat(header(record, "content-type")).startsWith("application/json");
        assertThat(InsightSchemasContractTest.problems("HealthBandChanged", record.value())).as(record.value()).isEmpty();
        for (ConsumerRecord<String, String> any : records(accountId, null)) {
            assertThat(InsightSchemasContractTest.problems(header(any, "ce_type"), any.value())).as(any.value()).isEmpty();
        }
        int published = records(accountId, null).size();

        // The same event again (a redelivery), and more passes: nothing new.
        try (Publisher p = new Publisher()) {
            p.publish(Fixtures.INTERACTIONS, complaintId, accountId, "ComplaintRaised", complaintAt,
                    Fixtures.complaint("cp-9", "CRITICAL"));
        }
        awaitEvents(accountId, EVENTS + 1);
        for (int i = 0; i < 3; i++) {
            assertThat(pass.run(now()).await().atMost(Duration.ofSeconds(30)).added().stream()
                    .filter(insight -> insight.key().equals(accountId))).isEmpty();
        }

        // A rebuild of the read models from the topics: the same conclusions, no phantom.
        given().auth().oauth2(Tokens.admin()).when().post("/api/admin/read-models/rebuild").then().statusCode(202);
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> !List.of("REPLAYING",
                "WARMING", "SWITCHING").contains(given().auth().oauth2(Tokens.admin()).when()
                .get("/api/admin/read-models/rebuild").then().statusCode(200).extract().jsonPath().getString("state")));
        awaitEvents(accountId, EVENTS + 1);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> pass(now()));
        Thread.sleep(1500); // the relay's poll interval is 200 ms: anything added would be on the topic by now
        assertThat(records(accountId, null)).as("nothing published for the account after the rebuild").hasSize(published);
        assertThat(outboxRows(accountId)).isEqualTo(published);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("kam_insights_derived_total{type=\"HealthBandChanged\"}"));
    }

    @Test
    void onADatabaseUpgradedToInsightsTheFirstPassRecordsWhatIsSoSilently() throws Exception {
        awaitBaseline();
        // Revenue, so the portfolio has major customers (alone here, this one): an alert state a pass after a baseline
        // would announce as a crossing.
        String big = Publisher.newAccountId();
        java.time.YearMonth lastMonth = java.time.YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        try (Publisher p = new Publisher()) {
            p.publish(big, "AccountRegistered", ago(Instant.now(), 400), Fixtures.registered("Big Buyer AG"));
            p.publish(big, "RevenueRecognized", lastMonth.atDay(15).atStartOfDay().toInstant(ZoneOffset.UTC).toString(),
                    Fixtures.revenue(lastMonth.toString(), "1000.00", "600.00"));
        }
        awaitEvents(big, 2);
        // As if insights were installed now on this database and its accounts: nothing recorded yet.
        Instant upgraded = Instant.now();
        pool.query("DELETE FROM insight_conclusions").executeAndAwait();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            pass.run(now()).await().atMost(Duration.ofSeconds(30));
            return pool.query("SELECT 1 FROM insight_conclusions WHERE kind = 'portfolio'").executeAndAwait().rowCount() == 1;
        });
        JsonNode portfolio = mapper.readTree(pool.query("SELECT conclusions FROM insight_conclusions WHERE kind = 'portfolio'")
                .executeAndAwait().iterator().next().getString(0));
        assertThat(portfolio.get("majorAccounts")).as("major customers that would be crossings after a baseline").isNotEmpty();
        long accounts = pool.query("SELECT count(*) FROM accounts").executeAndAwait().iterator().next().getLong(0);
        long recorded = pool.query("SELECT count(*) FROM insight_conclusions WHERE kind = 'account'").executeAndAwait()
                .iterator().next().getLong(0);
        assertThat(recorded).isEqualTo(accounts);
        long added = pool.preparedQuery("SELECT count(*) FROM insight_outbox WHERE created_at >= $1")
                .executeAndAwait(Tuple.of(upgraded.atOffset(ZoneOffset.UTC))).iterator().next().getLong(0);
        assertThat(added).as("insights derived by the baseline pass").isZero();
    }

    @Test
    void theContractIsServedAndTheOutboxIsWatched() {
        given().when().get("/asyncapi.yaml").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("address: kam.insight.events"));
        given().when().get("/schemas/insight-events/v1/HealthBandChanged.json").then().statusCode(200)
                .body("title", org.hamcrest.Matchers.equalTo("HealthBandChanged"));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("kam_insights_outbox_unpublished"))
                .body(org.hamcrest.Matchers.containsString("kam_insights_outbox_oldest_unpublished_seconds"));
        given().when().get("/q/health/ready").then()
                .body("checks.find { it.name == 'insight-outbox' }.status", org.hamcrest.Matchers.equalTo("UP"))
                .body("checks.find { it.name == 'insight-outbox' }.data.stalled", org.hamcrest.Matchers.equalTo(false));
    }

    @Test
    void aTimeBasedConclusionDerivesOneInsightWhateverTheNumberOfPassesThatDay() throws Exception {
        awaitBaseline();
        // An account no real pass assesses (it has no facts): its conclusions are fed to the pass's recording step.
        String accountId = "TIME-" + UUID.randomUUID().toString().substring(0, 8);
        Instant at = now();
        LocalDate day = at.atOffset(ZoneOffset.UTC).toLocalDate();
        AccountConclusions onTrack = new AccountConclusions("GREEN", "PARTNERSHIP", List.of(), false, 0);
        AccountConclusions overdue = new AccountConclusions("GREEN", "PARTNERSHIP", List.of(), false, 1);

        assertThat(record(accountId, onTrack, at).added()).as("first seen, nothing overdue").isEmpty();
        List<Insight> first = record(accountId, overdue, at).added();
        assertThat(first).hasSize(1);
        assertThat(first.get(0).type()).isEqualTo(InsightType.PlanObjectiveOverdue);
        assertThat(first.get(0).causes()).isEmpty();
        assertThat(first.get(0).evaluatedOn()).isEqualTo(day);
        assertThat(record(accountId, overdue, at.plusSeconds(1)).added()).as("a second pass: nothing changed").isEmpty();
        // Another pass of the same day that still saw the objective on track (a replica behind this one): same id.
        pool.preparedQuery("UPDATE insight_conclusions SET conclusions = $2 WHERE kind = 'account' AND subject = $1")
                .executeAndAwait(Tuple.of(accountId, mapper.writeValueAsString(onTrack)));
        assertThat(record(accountId, overdue, at.plusSeconds(2)).added()).as("the same insight again: not added").isEmpty();
        assertThat(outboxRows(accountId)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> records(accountId, "PlanObjectiveOverdue").size() == 1);
        JsonNode data = mapper.readTree(records(accountId, "PlanObjectiveOverdue").get(0).value());
        assertThat(data.get("evaluatedOn").asText()).isEqualTo(day.toString());
        assertThat(InsightSchemasContractTest.problems("PlanObjectiveOverdue", records(accountId, "PlanObjectiveOverdue")
                .get(0).value())).isEmpty();
        assertThat(data.get("insightId").asText()).isEqualTo(first.get(0).insightId());
        Thread.sleep(1000);
        assertThat(records(accountId, null)).hasSize(1);
    }

    @Test
    void anAccountWhoseSummaryMovedOnUnderThePassIsLeftForTheNextOne() throws Exception {
        awaitBaseline();
        String steady = "STEADY-" + UUID.randomUUID().toString().substring(0, 8);
        String moving = "MOVING-" + UUID.randomUUID().toString().substring(0, 8);
        AccountConclusions squeezed = new AccountConclusions("AMBER", "BASIC", List.of("SQUEEZE"), false, 0);
        Instant at = now();
        InsightAssessment both = new InsightAssessment(at, Map.of(steady, assessed(steady, squeezed),
                moving, assessed(moving, squeezed)), null);

        PassResult first = pass.record(both, at, java.util.Set.of(moving)).await().atMost(Duration.ofSeconds(30));
        assertThat(first.added()).extracting(Insight::accountId).containsExactly(steady);
        assertThat(conclusions(steady)).isNotNull();
        assertThat(conclusions(moving)).as("not recorded: the next pass compares it").isNull();

        PassResult next = pass.record(both, at.plusSeconds(1), java.util.Set.of()).await().atMost(Duration.ofSeconds(30));
        assertThat(next.added()).extracting(Insight::accountId).containsExactly(moving);
        assertThat(next.added().get(0).type()).isEqualTo(InsightType.MarginPressureFlagRaised);
        assertThat(conclusions(moving).get("pressureFlags").get(0).asText()).isEqualTo("SQUEEZE");
    }

    private static AccountAssessed assessed(String accountId, AccountConclusions conclusions) {
        return new AccountAssessed(accountId, 3, conclusions, "kam-moved", 55, List.of(), List.of(), null, null,
                List.of(), null);
    }

    private PassResult record(String accountId, AccountConclusions conclusions, Instant at) {
        AccountAssessed account = new AccountAssessed(accountId, 3, conclusions, "kam-time", 80, List.of(), List.of(),
                "plan-t", null, List.of(), null);
        return pass.record(new InsightAssessment(at, Map.of(accountId, account), null), at)
                .await().atMost(Duration.ofSeconds(30));
    }

    static Instant now() {
        return Instant.now();
    }

    static String ago(Instant now, int days) {
        return now.minus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private boolean pass(Instant at) {
        PassResult result = pass.run(at).await().atMost(Duration.ofSeconds(30));
        return result.ran();
    }

    private void awaitBaseline() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            pass.run(now()).await().atMost(Duration.ofSeconds(30));
            return pool.query("SELECT 1 FROM insight_conclusions WHERE kind = 'portfolio'").executeAndAwait().rowCount() == 1;
        });
    }

    private JsonNode conclusions(String accountId) throws Exception {
        var rows = pool.preparedQuery("SELECT conclusions FROM insight_conclusions WHERE kind = 'account' AND subject = $1")
                .executeAndAwait(Tuple.of(accountId));
        return rows.rowCount() == 0 ? null : mapper.readTree(rows.iterator().next().getString(0));
    }

    private long outboxRows(String key) {
        Row row = pool.preparedQuery("SELECT count(*) FROM insight_outbox WHERE record_key = $1")
                .executeAndAwait(Tuple.of(key)).iterator().next();
        return row.getLong(0);
    }

    static void awaitEvents(String accountId, int count) {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> given().auth().oauth2(Tokens.reader())
                .queryParam("limit", 500).when().get("/api/reports/accounts/{id}/timeline", accountId)
                .then().extract().jsonPath().getList("events").size() == count);
    }

    /** Every record on the insight topic under {@code key} (of {@code type}, or any), read from the beginning. */
    static List<ConsumerRecord<String, String>> records(String key, String type) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.instance().kafkaBootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key()) && (type == null || type.equals(header(r, "ce_type")))) {
                        found.add(r);
                    }
                }
            }
        }
        return found;
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
