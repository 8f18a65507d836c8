package io.kamplatform.account.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.kamplatform.account.support.AccountTopic;
import io.kamplatform.account.support.Events;
import io.kamplatform.account.support.Metrics;
import io.kamplatform.account.support.PublishedHistory;
import io.kamplatform.account.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Commits arriving one by one are published together: after a pass that published, the relay waits out
 * {@code kam.outbox.pass-spacing-ms} before the next, so a CRM posting single events gets one relay transaction and
 * Kafka round trip for several events, and every event still reaches the topic once, in order. Against the real
 * database and broker, with the spacing widened so the test does not depend on how fast this machine posts.
 */
@QuarkusTest
@TestProfile(OutboxPassesTest.WideSpacing.class)
class OutboxPassesTest {

    static final int ACCOUNTS = 20;
    static final int EVENTS_PER_ACCOUNT = 2;

    /** 200 ms between passes (20 by default). */
    public static class WideSpacing implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kam.outbox.pass-spacing-ms", "200");
        }
    }

    @Inject
    Pool pool;

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
    void singleEventsPostedOneByOneArePublishedSeveralToAPassWholeAndInOrder() {
        double passes = Metrics.value("kam_outbox_pass_events_count");
        double published = Metrics.value("kam_outbox_pass_events_sum");
        List<String> accounts = new ArrayList<>();
        for (int a = 0; a < ACCOUNTS; a++) {
            String account = Events.newAccountId();
            accounts.add(account);
            post(account, Events.registration(Events.newEventId(), "Passes " + a + " GmbH"));
            post(account, Events.revenue(Events.newEventId(), "2026-02", "100.00", "60.00"));
        }
        PublishedHistory.assertStoreEqualsTopic(pool, topic, accounts, Duration.ofSeconds(60));

        int events = ACCOUNTS * EVENTS_PER_ACCOUNT;
        assertThat(Metrics.value("kam_outbox_pass_events_sum") - published).as("every event published once").isEqualTo(events);
        // A pass per commit (the relay before kam.outbox.pass-spacing-ms) would take about 40 here.
        assertThat(Metrics.value("kam_outbox_pass_events_count") - passes).as("relay passes that published")
                .isLessThanOrEqualTo(events / 3.0);
    }

    private static void post(String accountId, String body) {
        given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON).body(body)
                .when().post("/api/accounts/{id}/events", accountId).then().statusCode(201);
    }
}
