package io.kamplatform.reporting.deadletter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.kamplatform.reporting.support.Fixtures;
import io.kamplatform.reporting.support.Publisher;
import io.kamplatform.reporting.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The operators' replay: a valid record an older version dead-lettered during an outage is projected by it, an
 * unreadable one is reported as still failing, a second replay projects nothing twice; admins only.
 */
@QuarkusTest
class DeadLetterReplayTest {

    static final String DLQ = Fixtures.CONTRACTS + ".dlq";

    @Test
    void aReplayProjectsValidDeadLettersOnceAndReportsTheOthers() {
        String accountId = Publisher.newAccountId();
        String eventId = "evt-" + UUID.randomUUID();
        long validOffset;
        long unreadableOffset;
        try (Publisher publisher = new Publisher()) {
            ProducerRecord<String, String> valid = new ProducerRecord<>(DLQ, accountId,
                    Fixtures.contractSigned("K-DLQ", "2026-01-01", "2027-12-31", false));
            cloudEvent(valid, eventId, "ContractSigned");
            Publisher.header(valid, "dead-letter-reason", "database \"reporting\" is not currently accepting connections");
            Publisher.header(valid, "dead-letter-topic", Fixtures.CONTRACTS);
            Publisher.header(valid, "dead-letter-partition", "0");
            Publisher.header(valid, "dead-letter-offset", "4711");
            validOffset = publisher.send(valid).offset();

            ProducerRecord<String, String> unreadable = new ProducerRecord<>(DLQ, accountId, "{broken");
            cloudEvent(unreadable, "evt-" + UUID.randomUUID(), "ContractSigned");
            Publisher.header(unreadable, "dead-letter-reason", "the value is not JSON");
            Publisher.header(unreadable, "dead-letter-topic", Fixtures.CONTRACTS);
            unreadableOffset = publisher.send(unreadable).offset();
        }

        JsonPath listed = admin().queryParam("topic", DLQ).queryParam("limit", 1000).when().get("/api/admin/dead-letters")
                .then().statusCode(200).extract().jsonPath();
        assertThat(listed.getLong("topics[0].count")).isGreaterThanOrEqualTo(2);
        assertThat(listed.getString("topics[0].sourceTopic")).isEqualTo(Fixtures.CONTRACTS);
        Map<String, Object> listedValid = listed.getMap("topics[0].records.find { it.offset == " + validOffset + " }");
        assertThat(listedValid).containsEntry("eventId", eventId).containsEntry("originalTopic", Fixtures.CONTRACTS)
                .containsEntry("originalOffset", 4711).containsEntry("key", accountId);
        assertThat((String) listedValid.get("reason")).contains("not currently accepting connections");

        JsonPath first = replay();
        assertThat(first.getLong("topics[0].replayed")).isGreaterThanOrEqualTo(1);
        assertFailing(first, unreadableOffset);
        JsonPath timeline = given().auth().oauth2(Tokens.reader()).when().get("/api/reports/accounts/{id}/timeline", accountId)
                .then().statusCode(200).extract().jsonPath();
        assertThat(timeline.getList("events.eventId", String.class)).containsExactly(eventId);

        JsonPath second = replay();
        assertThat(second.getLong("topics[0].replayed")).isZero();
        assertThat(second.getLong("topics[0].alreadyProjected")).isGreaterThanOrEqualTo(1);
        assertFailing(second, unreadableOffset);
    }

    @Test
    void onlyAdminsMayListOrReplayAndBadParametersAreRefused() {
        given().when().post("/api/admin/dead-letters/replay").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.reader()).when().post("/api/admin/dead-letters/replay")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.reader()).when().get("/api/admin/dead-letters").then().statusCode(403);
        admin().queryParam("topic", "kam.account.events").when().post("/api/admin/dead-letters/replay")
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("topic"));
        admin().queryParam("limit", 0).when().get("/api/admin/dead-letters")
                .then().statusCode(400).body("violations[0].field", equalTo("limit"));
        admin().when().get("/api/admin/dead-letters").then().statusCode(200)
                .body("topics.topic", equalTo(List.of(Fixtures.ACCOUNTS + ".dlq", Fixtures.INTERACTIONS + ".dlq", DLQ)));
    }

    static void assertFailing(JsonPath replay, long offset) {
        Map<String, Object> failing = replay.getMap("topics[0].stillFailing.find { it.offset == " + offset + " }");
        assertThat(failing).isNotNull();
        assertThat((String) failing.get("reason")).contains("not JSON");
    }

    static JsonPath replay() {
        return admin().queryParam("topic", DLQ).when().post("/api/admin/dead-letters/replay")
                .then().statusCode(200).extract().jsonPath();
    }

    static io.restassured.specification.RequestSpecification admin() {
        return given().auth().oauth2(Tokens.admin());
    }

    static void cloudEvent(ProducerRecord<String, String> record, String eventId, String type) {
        Publisher.header(record, "ce_specversion", "1.0");
        Publisher.header(record, "ce_id", eventId);
        Publisher.header(record, "ce_source", "/kam-platform/relationship-service");
        Publisher.header(record, "ce_type", type);
        Publisher.header(record, "ce_time", "2026-01-02T09:00:00Z");
    }
}
