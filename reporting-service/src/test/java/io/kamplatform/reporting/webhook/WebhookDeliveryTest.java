package io.kamplatform.reporting.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kamplatform.reporting.support.Metrics;
import io.kamplatform.reporting.support.Publisher;
import io.kamplatform.reporting.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks end to end: insights published to a real Kafka topic, deliveries in the real database, sent to a real
 * local HTTP receiver. Signatures verify with the README's check; a receiver down for a while gets every insight once,
 * in account order; a receiver that never recovers dead-letters, the log shows each attempt, a re-drive delivers; a
 * restart of the worker and insights consumed again send nothing twice; filters decide who gets what. (Test settings:
 * back-off 100-400 ms, 6 attempts.)
 */
@QuarkusTest
class WebhookDeliveryTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DeliveryWorker worker;

    final List<Receiver> receivers = new ArrayList<>();
    final List<String> subscriptions = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        if (!worker.running()) {
            worker.start();
        }
        subscriptions.forEach(id -> admin().when().delete("/api/admin/webhooks/{id}", id));
        receivers.forEach(Receiver::close);
    }

    @Test
    void deliveriesAreSignedCloudEventsThatVerifyWithTheDocumentedCheck() throws Exception {
        Receiver receiver = receiver(n -> 200);
        String account = Publisher.newAccountId();
        JsonPath created = create(receiver, "{\"accountIds\":[\"" + account + "\"]}", null);
        String secret = created.getString("secret");
        String subscription = created.getString("subscription.id");

        String insightId;
        try (Publisher publisher = new Publisher()) {
            // An unreadable insight (no ce_id) is dead-lettered and consumption goes on.
            ProducerRecord<String, String> unreadable = new ProducerRecord<>(Insights.TOPIC, account, "{\"accountId\":\"" + account + "\"}");
            Publisher.header(unreadable, "ce_type", "HealthBandChanged");
            publisher.send(unreadable);
            insightId = Insights.publish(publisher, "HealthBandChanged", account, "m.weber", "RED",
                    "\"previousBand\":\"AMBER\",\"name\":\"Zürich AG\"");
        }

        await().atMost(WAIT).until(() -> receiver.accepted().size() == 1);
        Receiver.Received got = receiver.accepted().get(0);
        long now = Instant.now().getEpochSecond();
        byte[] body = got.body().getBytes(StandardCharsets.UTF_8);
        assertThat(ReceiverVerification.verify(secret, got.header("KAM-Signature"), body, now, 300)).isTrue();
        assertThat(ReceiverVerification.verify(secret + "x", got.header("KAM-Signature"), body, now, 300)).isFalse();
        assertThat(got.header("Content-Type")).startsWith("application/cloudevents+json");
        assertThat(got.header("KAM-Event-Type")).isEqualTo("HealthBandChanged");
        JsonNode event = JSON.readTree(got.body());
        assertThat(event.get("specversion").asText()).isEqualTo("1.0");
        assertThat(event.get("id").asText()).isEqualTo(insightId);
        assertThat(event.get("type").asText()).isEqualTo("HealthBandChanged");
        assertThat(event.get("source").asText()).isEqualTo("/kam-platform/reporting-service/insights");
        assertThat(event.get("subject").asText()).isEqualTo(account);
        assertThat(event.get("data").get("band").asText()).isEqualTo("RED");
        assertThat(event.get("data").get("name").asText()).isEqualTo("Zürich AG");

        JsonPath log = log(subscription, null);
        assertThat(log.getList("deliveries.status")).containsExactly("DELIVERED");
        assertThat(log.getString("deliveries[0].id")).isEqualTo(got.header("KAM-Delivery-Id"));
        assertThat(log.getInt("deliveries[0].log[0].statusCode")).isEqualTo(200);
        assertThat(log.getLong("deliveries[0].log[0].durationMs")).isNotNegative();
        assertThat(Metrics.sum("kam_webhook_deliveries_total")).isPositive();
        assertThat(Metrics.sum("kam_webhook_attempts_total")).isPositive();
    }

    @Test
    void aReceiverDownForAWhileGetsEveryInsightOnceInAccountOrderWhenBack() {
        // Down for the first four requests (fewer than the six attempts a delivery has), then back.
        Receiver receiver = receiver(n -> n <= 4 ? 503 : 200);
        String a = Publisher.newAccountId();
        String b = Publisher.newAccountId();
        String subscription = create(receiver, "{\"accountIds\":[\"" + a + "\",\"" + b + "\"]}", null).getString("subscription.id");

        List<String> forA = new ArrayList<>();
        List<String> forB = new ArrayList<>();
        try (Publisher publisher = new Publisher()) {
            forA.add(Insights.publish(publisher, "HealthBandChanged", a, "m1", "AMBER", null));
            forB.add(Insights.publish(publisher, "StageChanged", b, "m1", "GREEN", null));
            forA.add(Insights.publish(publisher, "MarginPressureFlagRaised", a, "m1", "AMBER", null));
            forA.add(Insights.publish(publisher, "HealthBandChanged", a, "m1", "RED", null));
            forB.add(Insights.publish(publisher, "StageChanged", b, "m1", "GREEN", null));
            // The same insight published again (at-least-once producer): no second delivery.
            Insights.publish(publisher, forA.get(1), "MarginPressureFlagRaised", a, "m1", "AMBER", null);
            forA.add(Insights.publish(publisher, "PlanObjectiveOverdue", a, "m1", "RED", null));
        }
        // Down: the head of each account's queue is retried, nothing behind it is sent.
        await().atMost(WAIT).until(() -> receiver.received().size() >= 4);
        List<Receiver.Received> whileDown = receiver.received().subList(0, 4);
        assertThat(whileDown).allSatisfy(r -> assertThat(r.answered()).isEqualTo(503));
        assertThat(whileDown.stream().map(WebhookDeliveryTest::insightId).distinct().toList())
                .isSubsetOf(forA.get(0), forB.get(0));

        await().atMost(WAIT).until(() -> receiver.accepted().size() >= 6);
        sleep(Duration.ofSeconds(1));
        List<String> accepted = receiver.accepted().stream().map(WebhookDeliveryTest::insightId).toList();
        assertThat(accepted).hasSize(6).doesNotHaveDuplicates();
        assertThat(accepted.stream().filter(forA::contains).toList()).containsExactlyElementsOf(forA);
        assertThat(accepted.stream().filter(forB::contains).toList()).containsExactlyElementsOf(forB);
        JsonPath log = log(subscription, "DELIVERED");
        assertThat(log.getList("deliveries")).hasSize(6);
        assertThat(log.getList("deliveries.log.flatten().statusCode", Integer.class)).contains(503, 200);
    }

    @Test
    void afterTheLastAttemptADeliveryIsDeadLetteredVisiblyAndAReDriveDeliversIt() {
        Receiver receiver = receiver(n -> 500);
        String account = Publisher.newAccountId();
        String subscription = create(receiver, "{\"accountIds\":[\"" + account + "\"]}", null).getString("subscription.id");
        String first;
        String second;
        try (Publisher publisher = new Publisher()) {
            first = Insights.publish(publisher, "NeglectedPotentialDetected", account, null, null, "\"potential\":\"120000\"");
            second = Insights.publish(publisher, "PlanObjectiveOverdue", account, null, null, null);
        }
        await().atMost(WAIT).until(() -> log(subscription, "DEAD").getList("deliveries").size() == 2);
        JsonPath dead = log(subscription, "DEAD");
        Map<String, Object> firstDelivery = dead.getMap("deliveries.find { it.insightId == '" + first + "' }");
        assertThat(firstDelivery).containsEntry("attempts", 6).containsEntry("status", "DEAD");
        assertThat(dead.getList("deliveries.find { it.insightId == '" + first + "' }.log.statusCode", Integer.class))
                .containsExactly(500, 500, 500, 500, 500, 500);
        assertThat(dead.getString("deliveries.find { it.insightId == '" + first + "' }.deadLetteredAt")).isNotNull();
        assertThat(receiver.received()).hasSize(12);
        await().atMost(WAIT).until(() -> Metrics.sum("kam_webhook_dead_lettered") >= 2);

        receiver.answer(n -> 200);
        admin().when().post("/api/admin/webhooks/{id}/redrive", subscription).then().statusCode(200)
                .body("requeued", org.hamcrest.Matchers.equalTo(2));
        await().atMost(WAIT).until(() -> receiver.accepted().size() == 2);
        sleep(Duration.ofMillis(800));
        assertThat(receiver.accepted().stream().map(WebhookDeliveryTest::insightId).toList()).containsExactly(first, second);
        JsonPath delivered = log(subscription, "DELIVERED");
        assertThat(delivered.getList("deliveries")).hasSize(2);
        assertThat(delivered.getList("deliveries.find { it.insightId == '" + first + "' }.log.statusCode", Integer.class))
                .containsExactly(500, 500, 500, 500, 500, 500, 200);
        admin().when().post("/api/admin/webhooks/{id}/redrive", subscription).then().statusCode(200)
                .body("requeued", org.hamcrest.Matchers.equalTo(0));
        String deliveryId = delivered.getString("deliveries[0].id");
        admin().when().post("/api/admin/webhooks/{id}/deliveries/{d}/redrive", subscription, deliveryId).then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void oneDeadLetteredDeliveryCanBeReDrivenAlone() {
        Receiver receiver = receiver(n -> 410);
        String account = Publisher.newAccountId();
        String subscription = create(receiver, "{\"accountIds\":[\"" + account + "\"]}", null).getString("subscription.id");
        try (Publisher publisher = new Publisher()) {
            Insights.publish(publisher, "StageChanged", account, null, null, null);
        }
        await().atMost(WAIT).until(() -> log(subscription, "DEAD").getList("deliveries").size() == 1);
        String deliveryId = log(subscription, "DEAD").getString("deliveries[0].id");
        receiver.answer(n -> 204);
        admin().when().post("/api/admin/webhooks/{id}/deliveries/{d}/redrive", subscription, deliveryId).then().statusCode(200)
                .body("requeued", org.hamcrest.Matchers.equalTo(1));
        await().atMost(WAIT).until(() -> receiver.accepted().size() == 1);
        assertThat(receiver.accepted().get(0).header("KAM-Delivery-Id")).isEqualTo(deliveryId);
    }

    @Test
    void aRestartSendsWhatWaitedAndNothingDeliveredTwiceAlsoWhenInsightsAreConsumedAgain() {
        Receiver receiver = receiver(n -> 200);
        String account = Publisher.newAccountId();
        String subscription = create(receiver, "{\"accountIds\":[\"" + account + "\"]}", null).getString("subscription.id");
        worker.stop();
        String first;
        String second;
        try (Publisher publisher = new Publisher()) {
            first = Insights.publish(publisher, "HealthBandChanged", account, null, "RED", null);
            second = Insights.publish(publisher, "HealthBandChanged", account, null, "GREEN", null);
        }
        await().atMost(WAIT).until(() -> log(subscription, "PENDING").getList("deliveries").size() == 2);
        sleep(Duration.ofMillis(500));
        assertThat(receiver.received()).isEmpty();

        worker.start();
        await().atMost(WAIT).until(() -> receiver.accepted().size() == 2);
        worker.stop();
        try (Publisher publisher = new Publisher()) {
            // What a consumer restart before the offset commit looks like: the same insights once more.
            Insights.publish(publisher, first, "HealthBandChanged", account, null, "RED", null);
            Insights.publish(publisher, second, "HealthBandChanged", account, null, "GREEN", null);
            Insights.publish(publisher, "StageChanged", account, null, null, null);
        }
        worker.start();
        await().atMost(WAIT).until(() -> receiver.accepted().size() == 3);
        sleep(Duration.ofSeconds(1));
        List<String> accepted = receiver.accepted().stream().map(WebhookDeliveryTest::insightId).toList();
        assertThat(accepted).hasSize(3).doesNotHaveDuplicates().startsWith(first, second);
        assertThat(receiver.received()).hasSize(3);
    }

    @Test
    void filtersDecideWhichInsightsASubscriptionGets() {
        Receiver receiver = receiver(n -> 200);
        String e1 = Publisher.newAccountId();
        String e2 = Publisher.newAccountId();
        String e3 = Publisher.newAccountId();
        String subscription = create(receiver, "{\"accountIds\":[\"" + e1 + "\",\"" + e2 + "\"],\"managerIds\":[\"m.one\"],"
                + "\"bands\":[\"RED\",\"AMBER\"]}", "[\"HealthBandChanged\",\"StageChanged\"]").getString("subscription.id");
        List<String> matching = new ArrayList<>();
        try (Publisher publisher = new Publisher()) {
            matching.add(Insights.publish(publisher, "HealthBandChanged", e1, "m.one", "RED", null));
            Insights.publish(publisher, "NeglectedPotentialDetected", e1, "m.one", "RED", null); // type
            Insights.publish(publisher, "HealthBandChanged", e3, "m.one", "RED", null); // account
            Insights.publish(publisher, "HealthBandChanged", e1, "m.two", "RED", null); // manager
            Insights.publish(publisher, "HealthBandChanged", e1, "m.one", "GREEN", null); // band
            Insights.publish(publisher, "HealthBandChanged", e1, null, null, null); // no manager, no band
            Insights.publish(publisher, "ConcentrationLevelChanged", null, null, null, null); // portfolio-wide
            matching.add(Insights.publish(publisher, "StageChanged", e2, "m.one", "AMBER", null));
        }
        await().atMost(WAIT).until(() -> receiver.accepted().size() == 2);
        sleep(Duration.ofSeconds(1));
        assertThat(receiver.received().stream().map(WebhookDeliveryTest::insightId).toList()).containsExactlyInAnyOrderElementsOf(matching);
        assertThat(log(subscription, null).getList("deliveries.insightId")).containsExactlyInAnyOrderElementsOf(matching);
    }

    @Test
    void aDisabledSubscriptionQueuesAndSendsWhenEnabledAgain() {
        Receiver receiver = receiver(n -> 200);
        String account = Publisher.newAccountId();
        String filters = "{\"accountIds\":[\"" + account + "\"]}";
        String subscription = create(receiver, filters, null).getString("subscription.id");
        String paused = "{\"url\":\"" + receiver.url() + "\",\"filters\":" + filters + ",\"enabled\":false}";
        admin().contentType("application/json").body(paused).when().put("/api/admin/webhooks/{id}", subscription)
                .then().statusCode(200).body("enabled", org.hamcrest.Matchers.equalTo(false));
        try (Publisher publisher = new Publisher()) {
            Insights.publish(publisher, "HealthBandChanged", account, null, "RED", null);
        }
        sleep(Duration.ofSeconds(2));
        assertThat(receiver.received()).isEmpty();
        admin().contentType("application/json").body(paused.replace("false", "true")).when().put("/api/admin/webhooks/{id}", subscription)
                .then().statusCode(200);
        await().atMost(WAIT).until(() -> receiver.accepted().size() == 1);
    }

    @Test
    void aTestPingReachesTheReceiverSignedAndIsLogged() throws Exception {
        Receiver receiver = receiver(n -> 200);
        JsonPath created = create(receiver, "{\"accountIds\":[\"" + Publisher.newAccountId() + "\"]}", null);
        String subscription = created.getString("subscription.id");
        String deliveryId = admin().when().post("/api/admin/webhooks/{id}/ping", subscription).then().statusCode(202)
                .extract().path("deliveryId");
        await().atMost(WAIT).until(() -> receiver.accepted().size() == 1);
        Receiver.Received got = receiver.accepted().get(0);
        assertThat(got.header("KAM-Delivery-Id")).isEqualTo(deliveryId);
        assertThat(JSON.readTree(got.body()).get("type").asText()).isEqualTo("WebhookPing");
        assertThat(ReceiverVerification.verify(created.getString("secret"), got.header("KAM-Signature"),
                got.body().getBytes(StandardCharsets.UTF_8), Instant.now().getEpochSecond(), 300)).isTrue();
        await().atMost(WAIT).until(() -> "DELIVERED".equals(log(subscription, null).getString("deliveries[0].status")));
        admin().when().post("/api/admin/webhooks/{id}/ping", UUID.randomUUID()).then().statusCode(404);
    }

    static String insightId(Receiver.Received received) {
        try {
            return JSON.readTree(received.body()).get("id").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Receiver receiver(java.util.function.IntUnaryOperator status) {
        try {
            Receiver receiver = new Receiver(status);
            receivers.add(receiver);
            return receiver;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonPath create(Receiver receiver, String filters, String eventTypes) {
        String body = "{\"url\":\"" + receiver.url() + "\",\"filters\":" + filters
                + (eventTypes == null ? "" : ",\"eventTypes\":" + eventTypes) + "}";
        JsonPath created = admin().contentType("application/json").body(body).when().post("/api/admin/webhooks")
                .then().statusCode(201).extract().jsonPath();
        subscriptions.add(created.getString("subscription.id"));
        return created;
    }

    static JsonPath log(String subscription, String status) {
        RequestSpecification request = admin().queryParam("limit", 500);
        if (status != null) {
            request = request.queryParam("status", status);
        }
        return request.when().get("/api/admin/webhooks/{id}/deliveries", subscription).then().statusCode(200).extract().jsonPath();
    }

    static RequestSpecification admin() {
        return given().auth().oauth2(Tokens.admin());
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
