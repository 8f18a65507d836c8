package io.kamplatform.reporting.projection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.kamplatform.local.TestInfra;
import io.kamplatform.reporting.support.Fixtures;
import io.kamplatform.reporting.support.Publisher;
import io.kamplatform.reporting.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The projection against the real broker and database: exactly-once effect, poison records to the dead-letter
 * topic with the reason while consumption goes on, unknown types tolerated, time travel on the timeline.
 */
@QuarkusTest
class ProjectionTest {

    @Test
    void aRedeliveredEventChangesNothing() {
        String accountId = Publisher.newAccountId();
        try (Publisher publisher = new Publisher()) {
            String eventId = "evt-" + UUID.randomUUID();
            publisher.publish(Fixtures.ACCOUNTS, eventId, accountId, "AccountRegistered", "2026-01-05T09:00:00Z",
                    Fixtures.registered("Twice GmbH"));
            publisher.publish(Fixtures.ACCOUNTS, eventId, accountId, "AccountRegistered", "2026-01-05T09:00:00Z",
                    Fixtures.registered("Twice GmbH"));
            publisher.publish(accountId, "KeyAccountDesignated", "2026-02-01T09:00:00Z", Fixtures.designated());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> timeline(accountId, null).getList("events").size() == 2);
        JsonPath timeline = timeline(accountId, null);
        assertThat(timeline.getList("events.type")).containsExactly("AccountRegistered", "KeyAccountDesignated");
    }

    @Test
    void thePastIsAnsweredFromTheHistory() {
        String accountId = Publisher.newAccountId();
        try (Publisher publisher = new Publisher()) {
            publisher.publish(accountId, "AccountRegistered", "2025-01-05T09:00:00Z", Fixtures.registered("Old Ltd"));
            publisher.publish(accountId, "RevenueRecognized", "2025-03-01T00:00:00Z", Fixtures.revenue("2025-02", "10.00", "5.00"));
            publisher.publish(accountId, "KeyAccountDesignated", "2025-06-01T09:00:00Z", Fixtures.designated());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> timeline(accountId, null).getList("events").size() == 3);
        assertThat(timeline(accountId, "2025-03-31").getList("events.type")).containsExactly("AccountRegistered", "RevenueRecognized");
        assertThat(timeline(accountId, "2025-01-01").getList("events")).isEmpty();
        given().auth().oauth2(Tokens.reader()).when().get("/api/reports/accounts/{id}/timeline?limit=2", accountId)
                .then().statusCode(200).body("nextOffset", equalTo(2));
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        String accountId = Publisher.newAccountId();
        try (Publisher publisher = new Publisher()) {
            ProducerRecord<String, String> poison = new ProducerRecord<>(Fixtures.INTERACTIONS, accountId, "{not json");
            Publisher.header(poison, "ce_id", "evt-poison-" + accountId);
            Publisher.header(poison, "ce_source", Publisher.SOURCE);
            Publisher.header(poison, "ce_type", "ContactAdded");
            Publisher.header(poison, "ce_time", "2026-01-05T09:00:00Z");
            publisher.send(poison);
            ProducerRecord<String, String> noTime = new ProducerRecord<>(Fixtures.INTERACTIONS, accountId, "{}");
            Publisher.header(noTime, "ce_id", "evt-no-time-" + accountId);
            Publisher.header(noTime, "ce_source", Publisher.SOURCE);
            Publisher.header(noTime, "ce_type", "ContactAdded");
            publisher.send(noTime);
            // CloudEvents ids are unique per source only: without ce_source the event cannot be identified.
            ProducerRecord<String, String> noSource = new ProducerRecord<>(Fixtures.INTERACTIONS, accountId, "{}");
            Publisher.header(noSource, "ce_id", "evt-no-source-" + accountId);
            Publisher.header(noSource, "ce_type", "ContactAdded");
            Publisher.header(noSource, "ce_time", "2026-01-05T09:00:00Z");
            publisher.send(noSource);
            publisher.publish(accountId, "ContactAdded", "2026-01-06T09:00:00Z", Fixtures.contact("c-1", "\"DECIDER\"", "EXECUTIVE"));
            publisher.publish(accountId, "SomethingNewHappened", "2026-01-07T09:00:00Z", "{\"future\":true}");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> timeline(accountId, null).getList("events").size() == 2);
        assertThat(timeline(accountId, null).getList("events.type")).containsExactly("ContactAdded", "SomethingNewHappened");

        List<ConsumerRecord<String, String>> dead = deadLetters(Fixtures.INTERACTIONS + ".dlq", accountId, 3);
        assertThat(dead).hasSize(3);
        assertThat(header(dead.get(0), "dead-letter-reason")).contains("not JSON");
        assertThat(header(dead.get(1), "dead-letter-reason")).contains("ce_time");
        assertThat(header(dead.get(2), "dead-letter-reason")).contains("ce_source");
        assertThat(dead.get(0).value()).isEqualTo("{not json");
        given().when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("kam_projection_unknown_types_total"));
    }

    @Test
    void theSameIdFromTwoSourcesIsTwoEvents() {
        String accountId = Publisher.newAccountId();
        String eventId = "evt-" + UUID.randomUUID();
        try (Publisher publisher = new Publisher()) {
            for (int delivery = 0; delivery < 2; delivery++) {
                publisher.publish(Fixtures.ACCOUNTS, "/kam-platform/account-service", eventId, accountId, "AccountRegistered",
                        "2026-01-05T09:00:00Z", Fixtures.registered("Same Id GmbH"), null, null);
                publisher.publish(Fixtures.INTERACTIONS, "/kam-platform/relationship-service", eventId, accountId, "ContactAdded",
                        "2026-01-06T09:00:00Z", Fixtures.contact("c-1", "\"DECIDER\"", "EXECUTIVE"), null, null);
            }
            publisher.publish(accountId, "KeyAccountDesignated", "2026-01-07T09:00:00Z", Fixtures.designated());
            publisher.publish(Fixtures.INTERACTIONS, "evt-" + UUID.randomUUID(), accountId, "InteractionRecorded",
                    "2026-01-08T09:00:00Z", Fixtures.interaction("i-1", "VISIT", "\"c-1\"", "SALES", true));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> timeline(accountId, null).getList("events").size() == 4);
        JsonPath timeline = timeline(accountId, null);
        assertThat(timeline.getList("events.type")).containsExactly("AccountRegistered", "ContactAdded",
                "KeyAccountDesignated", "InteractionRecorded");
        assertThat(timeline.getList("events.source")).startsWith("/kam-platform/account-service", "/kam-platform/relationship-service");
        // The fold keys on (source, id) too: the contact is in the DMU map.
        given().auth().oauth2(Tokens.reader()).when().get("/api/reports/accounts/{id}/dmu", accountId)
                .then().statusCode(200).body("roles.DECIDER[0].contactId", equalTo("c-1"));
    }

    @Test
    void aRecordTheDatabaseRejectsIsDeadLetteredAtOnce() {
        String accountId = Publisher.newAccountId();
        long start = System.nanoTime();
        try (Publisher publisher = new Publisher()) {
            // PostgreSQL's jsonb cannot hold \u0000: the record's content is rejected (SQLSTATE 22P05), every time.
            publisher.publish(accountId, "AccountRegistered", "2026-01-05T09:00:00Z", Fixtures.registered("Nul\\u0000Byte"));
            publisher.publish(accountId, "KeyAccountDesignated", "2026-01-06T09:00:00Z", Fixtures.designated());
        }
        List<ConsumerRecord<String, String>> dead = deadLetters(Fixtures.ACCOUNTS + ".dlq", accountId, 1);
        assertThat(dead).hasSize(1);
        assertThat(header(dead.get(0), "dead-letter-reason")).contains("Unicode");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(30)).until(() -> timeline(accountId, null).getList("events").size() == 1);
    }

    @Test
    void onlyThePoisonRecordOfABatchIsDeadLettered() {
        String accountId = Publisher.newAccountId();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        List<String> valid = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            String month = String.format("2025-%02d", i + 1);
            // The sixth record: PostgreSQL's jsonb cannot hold \u0000 (22P05), so the batch's statement fails.
            ProducerRecord<String, String> record = Publisher.record(accountId, "RevenueRecognized",
                    "2026-01-" + String.format("%02d", i + 1) + "T09:00:00Z", i == 5
                            ? "{\"month\":\"" + month + "\",\"note\":\"Nul\\u0000\",\"revenue\":{\"amount\":\"1.00\",\"currency\":\"EUR\"},"
                                    + "\"costOfSales\":{\"amount\":\"0.50\",\"currency\":\"EUR\"}}"
                            : Fixtures.revenue(month, "10.00", "5.00"));
            records.add(record);
            if (i != 5) {
                valid.add(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
            }
        }
        try (Publisher publisher = new Publisher()) {
            publisher.sendTogether(records);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> timeline(accountId, null).getList("events").size() == 10);
        assertThat(timeline(accountId, null).getList("events.eventId")).containsExactlyElementsOf(valid);
        List<ConsumerRecord<String, String>> dead = deadLetters(Fixtures.ACCOUNTS + ".dlq", accountId, 2, Duration.ofSeconds(8));
        assertThat(dead).as("only the poison record is dead-lettered").hasSize(1);
        assertThat(header(dead.get(0), "dead-letter-reason")).contains("Unicode");
    }

    @Test
    void reportsNeedAReaderTokenAndAValidAsOf() {
        given().when().get("/api/reports/accounts/A/timeline").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.writer()).when().get("/api/reports/accounts/A/timeline").then().statusCode(403);
        given().auth().oauth2(Tokens.reader()).when().get("/api/reports/accounts/A/timeline?asOf=yesterday")
                .then().statusCode(400).body("violations[0].field", equalTo("asOf"));
        given().auth().oauth2(Tokens.reader()).when().get("/api/reports/accounts/A/timeline?asOf=2999-01-01")
                .then().statusCode(400).body("violations[0].field", equalTo("asOf"));
    }

    static JsonPath timeline(String accountId, String asOf) {
        return given().auth().oauth2(Tokens.reader())
                .queryParam("asOf", asOf == null ? "" : asOf)
                .when().get("/api/reports/accounts/{id}/timeline", accountId)
                .then().statusCode(200).extract().jsonPath();
    }

    static List<ConsumerRecord<String, String>> deadLetters(String topic, String key, int expected) {
        return deadLetters(topic, key, expected, Duration.ofSeconds(30));
    }

    /** The topic's records with that key, read until {@code expected} are found or {@code wait} has passed. */
    static List<ConsumerRecord<String, String>> deadLetters(String topic, String key, int expected, Duration wait) {
        Properties props = new Properties();
        props.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.instance().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + wait.toNanos();
            while (found.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
