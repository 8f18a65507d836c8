package io.kamplatform.account.api;

import io.kamplatform.account.support.Events;
import io.kamplatform.account.support.Metrics;
import io.kamplatform.account.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;


import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The business metrics ops alert and chart on (deploy/kubernetes/README.md, Metrics) count posted events by type:
 * accepted, replayed and rejected with the reason, on the Prometheus endpoint the ServiceMonitor scrapes.
 */
@QuarkusTest
class EventMetricsTest {

    @Test
    void acceptedReplayedAndRejectedEventsAreCountedByType() {
        double accepted = Metrics.value("kam_events_accepted_total", "type=\"AccountRegistered\"");
        double replayed = Metrics.value("kam_events_replayed_total", "type=\"AccountRegistered\"");
        double rejected = Metrics.value("kam_events_rejected_total", "reason=\"OCCURRED_IN_FUTURE\",type=\"AccountRegistered\"");

        String accountId = Events.newAccountId();
        String eventId = Events.newEventId();
        String registration = Events.registration(eventId, "Metrics GmbH");
        post(accountId, registration, 201);
        post(accountId, registration, 200);
        post(Events.newAccountId(), Events.event(Events.newEventId(), "AccountRegistered", "2999-01-01T00:00:00Z", null,
                "{\"name\":\"Future GmbH\",\"sector\":\"Manufacturing\",\"country\":\"DE\"}"), 422);

        assertThat(Metrics.value("kam_events_accepted_total", "type=\"AccountRegistered\"")).isEqualTo(accepted + 1);
        assertThat(Metrics.value("kam_events_replayed_total", "type=\"AccountRegistered\"")).isEqualTo(replayed + 1);
        assertThat(Metrics.value("kam_events_rejected_total", "reason=\"OCCURRED_IN_FUTURE\",type=\"AccountRegistered\"")).isEqualTo(rejected + 1);
    }

    private static void post(String accountId, String body, int status) {
        given().auth().oauth2(Tokens.writer()).contentType("application/json").body(body)
                .when().post("/api/accounts/" + accountId + "/events").then().statusCode(status);
    }
}
