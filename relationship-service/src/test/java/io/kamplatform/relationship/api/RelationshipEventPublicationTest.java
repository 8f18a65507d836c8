package io.kamplatform.relationship.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.kamplatform.relationship.contract.RelationshipEvents;
import io.kamplatform.relationship.support.Accounts;
import io.kamplatform.relationship.support.Events;
import io.kamplatform.relationship.support.Tokens;
import io.kamplatform.relationship.support.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Every event type: POST → stored → on its topic with the account as key and CloudEvents headers, valid against
 * the published JSON Schema and AsyncAPI headers, for an account learnt from kam.account.events.
 */
@QuarkusTest
class RelationshipEventPublicationTest {

    @Inject
    Pool pool;

    @Test
    void anAccountRegisteredOnTheAccountTopicBecomesUsable() {
        String accountId = Accounts.newAccountId();
        String body = Events.event("CompetitorActivityObserved", "{\"competitor\":\"Rival AG\",\"threat\":\"LOW\"}");
        post(accountId, body).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kam-platform:problem:unknown-account"));

        Topics.publishRegistration(accountId, "Late Registration GmbH");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> post(accountId, body).statusCode() != 422);
        given().auth().oauth2(Tokens.reader()).when().get("/api/accounts/{id}/events", accountId)
                .then().statusCode(200).body("events.type", hasItem("CompetitorActivityObserved"));
    }

    @Test
    void everyEventTypeIsStoredAndPublishedOnItsTopic() {
        String accountId = Accounts.registered(pool);
        String contractId = "K-" + accountId;
        List<String[]> story = Events.everyType(contractId);
        story.forEach(step -> post(accountId, Events.event(step[0], step[1])).then().statusCode(201));

        try (Topics topics = new Topics(Topics.INTERACTIONS, Topics.CONTRACTS)) {
            List<ConsumerRecord<String, String>> records = topics.recordsFor(accountId, found -> found.size() >= story.size());
            assertThat(records).extracting(r -> Topics.header(r, "ce_type"))
                    .containsExactlyInAnyOrderElementsOf(story.stream().map(step -> step[0]).toList());
            for (ConsumerRecord<String, String> record : records) {
                String type = Topics.header(record, "ce_type");
                assertThat(record.topic()).as(type).isEqualTo(type.startsWith("Contract") || type.equals("ConcessionGranted")
                        ? Topics.CONTRACTS : Topics.INTERACTIONS);
                assertThat(record.key()).isEqualTo(accountId);
                assertThat(Topics.header(record, "ce_specversion")).isEqualTo("1.0");
                assertThat(Topics.header(record, "ce_source")).isEqualTo("/kam-platform/relationship-service");
                assertThat(Topics.header(record, "ce_subject")).isEqualTo(accountId);
                assertThat(Topics.header(record, "ce_id")).startsWith("evt-");
                assertThat(Topics.header(record, "ce_dataschema")).endsWith("/v1/" + type + ".json");
                assertThat(Topics.header(record, "ce_streamid")).as("stream of %s", type)
                        .isEqualTo(record.topic().equals(Topics.CONTRACTS) ? "contract/" + contractId : "relationship/" + accountId);
                assertThat(RelationshipEvents.PUBLISHED.validate(type, record.value())).as("%s data %s", type, record.value()).isEmpty();
                Map<String, String> headers = new HashMap<>();
                record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
                assertThat(RelationshipEvents.PUBLISHED.validateHeaders(type, headers)).as("%s headers", type).isEmpty();
            }
            assertThat(records.stream().filter(r -> r.topic().equals(Topics.CONTRACTS))
                    .map(r -> Topics.header(r, "ce_streamversion")).toList()).containsExactly("1", "2", "3", "4", "5");
        }

        given().auth().oauth2(Tokens.reader()).when().get("/api/accounts/{id}/relationship", accountId)
                .then().statusCode(200).header("ETag", "\"10\"")
                .body("contacts.'c-1'.active", equalTo(false));
        given().auth().oauth2(Tokens.reader()).when().get("/api/accounts/{id}/contracts/{c}", accountId, contractId)
                .then().statusCode(200).header("ETag", "\"5\"")
                .body("status", equalTo("TERMINATED"));
        given().auth().oauth2(Tokens.reader()).when().get("/api/accounts/{id}/contracts/{c}", Accounts.newAccountId(), contractId)
                .then().statusCode(404).contentType("application/problem+json");
    }

    static io.restassured.response.Response post(String accountId, String body) {
        return given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON).body(body)
                .when().post("/api/accounts/{id}/events", accountId);
    }
}
