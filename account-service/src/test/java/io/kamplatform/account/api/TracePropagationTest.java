package io.kamplatform.account.api;

import io.kamplatform.account.support.AccountTopic;
import io.kamplatform.account.support.Events;
import io.kamplatform.account.support.Tokens;
import io.kamplatform.account.support.TracingOn;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One CRM post, one trace: the trace of the HTTP request that recorded an event is stored with it and published with
 * the Kafka record as the CloudEvents extension ce_traceparent (W3C format), for the projection to continue.
 */
@QuarkusTest
@TestProfile(TracingOn.class)
class TracePropagationTest {

    static AccountTopic topic;

    @Inject
    InMemorySpanExporter spans;

    @BeforeAll
    static void subscribe() {
        topic = new AccountTopic();
    }

    @AfterAll
    static void close() {
        topic.close();
    }

    @Test
    void thePostsTraceIdTravelsWithItsKafkaRecord() {
        String accountId = Events.newAccountId();
        String eventId = Events.newEventId();

        given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                .body(Events.registration(eventId, "Traced Industries AG"))
                .when().post("/api/accounts/{id}/events", accountId)
                .then().statusCode(201);

        SpanData request = await().atMost(Duration.ofSeconds(10)).until(() -> serverSpanOfThePost(), span -> span != null);
        ConsumerRecord<String, String> record = topic.recordsFor(accountId, 1).get(0);

        assertThat(AccountTopic.header(record, "ce_id")).isEqualTo(eventId);
        assertThat(AccountTopic.header(record, "ce_traceparent"))
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01")
                .startsWith("00-" + request.getTraceId() + "-");
    }

    private SpanData serverSpanOfThePost() {
        List<SpanData> finished = spans.getFinishedSpanItems();
        return finished.stream()
                .filter(s -> s.getKind() == SpanKind.SERVER && s.getName().startsWith("POST") && s.getName().endsWith("/events"))
                .reduce((first, last) -> last).orElse(null);
    }
}
