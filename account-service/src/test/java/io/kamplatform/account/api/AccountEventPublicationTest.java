package io.kamplatform.account.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.kamplatform.account.support.AccountTopic;
import io.kamplatform.account.support.Events;
import io.kamplatform.account.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST → stored → on Kafka with the right key and CloudEvents headers, read by a plain consumer. */
@QuarkusTest
class AccountEventPublicationTest {

    static AccountTopic topic;

    @BeforeAll
    static void subscribe() {
        topic = new AccountTopic();
    }

    @AfterAll
    static void close() {
        topic.close();
    }

    @Test
    void aPostedRegistrationIsStoredAndPublishedAsACloudEvent() {
        String accountId = Events.newAccountId();
        String eventId = Events.newEventId();

        given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                .body(Events.registration(eventId, "Acme Industrial GmbH"))
                .when().post("/api/accounts/{id}/events", accountId)
                .then().statusCode(201)
                .header("ETag", "\"1\"")
                .body("eventId", equalTo(eventId))
                .body("accountId", equalTo(accountId))
                .body("version", equalTo(1));

        given().auth().oauth2(Tokens.reader())
                .when().get("/api/accounts/{id}", accountId)
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("name", equalTo("Acme Industrial GmbH"))
                .body("keyAccount", equalTo(false));

        List<ConsumerRecord<String, String>> records = topic.recordsFor(accountId, 1);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        assertThat(record.key()).isEqualTo(accountId);
        assertThat(AccountTopic.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(AccountTopic.header(record, "ce_id")).isEqualTo(eventId);
        assertThat(AccountTopic.header(record, "ce_type")).isEqualTo("AccountRegistered");
        assertThat(AccountTopic.header(record, "ce_source")).isEqualTo("/kam-platform/account-service");
        assertThat(AccountTopic.header(record, "ce_subject")).isEqualTo(accountId);
        assertThat(AccountTopic.header(record, "ce_time")).startsWith("2026-01-05T09:00");
        assertThat(AccountTopic.header(record, "ce_streamid")).isEqualTo(accountId);
        assertThat(AccountTopic.header(record, "ce_streamversion")).isEqualTo("1");
        assertThat(AccountTopic.header(record, "content-type")).startsWith("application/json");
        JsonObject data = new JsonObject(record.value());
        assertThat(data.getString("name")).isEqualTo("Acme Industrial GmbH");
        assertThat(data.getString("country")).isEqualTo("DE");
    }

    @Test
    void eventsOfOneAccountArePublishedInVersionOrder() {
        String accountId = Events.newAccountId();
        post(accountId, Events.registration(Events.newEventId(), "Ordered Ltd"));
        post(accountId, Events.designation(Events.newEventId(), 1L));
        post(accountId, Events.revenue(Events.newEventId(), "2026-01", "125000.00", "90000.00"));
        post(accountId, Events.revenue(Events.newEventId(), "2026-01", "5000.50", "4000"));

        List<ConsumerRecord<String, String>> records = topic.recordsFor(accountId, 4);
        assertThat(records).extracting(r -> AccountTopic.header(r, "ce_streamversion")).containsExactly("1", "2", "3", "4");
        assertThat(records).extracting(r -> AccountTopic.header(r, "ce_type"))
                .containsExactly("AccountRegistered", "KeyAccountDesignated", "RevenueRecognized", "RevenueRecognized");
        assertThat(new JsonObject(records.get(2).value()).getJsonObject("revenue").getString("amount")).isEqualTo("125000.00");

        given().auth().oauth2(Tokens.reader())
                .when().get("/api/accounts/{id}", accountId)
                .then().statusCode(200)
                .body("keyAccount", equalTo(true))
                .body("revenueByMonth.'2026-01'.revenue.amount", equalTo("130000.50"));

        given().auth().oauth2(Tokens.reader())
                .when().get("/api/accounts/{id}/events?limit=3", accountId)
                .then().statusCode(200)
                .body("events.size()", equalTo(3))
                .body("events[0].type", equalTo("AccountRegistered"))
                .body("nextFromVersion", equalTo(4));
    }

    static void post(String accountId, String body) {
        given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON).body(body)
                .when().post("/api/accounts/{id}/events", accountId)
                .then().statusCode(201);
    }
}
