package io.kamplatform.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kamplatform.reporting.support.Fixtures;
import io.kamplatform.reporting.support.Metrics;
import io.kamplatform.reporting.support.Publisher;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Live ingest reaches the topics one event at a time, and every poll costs the framework's dispatch and a database
 * call whatever its size. The projection's fetches wait a little for more (fetch.min.bytes with a short
 * fetch.max.wait.ms), so events trickling in are stored several to a poll, not one each: against the real broker,
 * events published one by one every few milliseconds must arrive in polls of several records on average.
 */
@QuarkusTest
class LivePollsTest {

    static final int EVENTS = 60;
    static final String TOPIC = "topic=\"" + Fixtures.ACCOUNTS + "\"";

    @Test
    void eventsTricklingInAreStoredSeveralToAPoll() throws Exception {
        String accountId = Publisher.newAccountId();
        double polls = Metrics.sum("kam_projection_batch_records_count", TOPIC);
        double records = Metrics.sum("kam_projection_batch_records_sum", TOPIC);
        try (Publisher publisher = new Publisher()) {
            publisher.publish(accountId, "AccountRegistered", "2026-01-05T09:00:00Z", Fixtures.registered("Trickle AG"));
            for (int i = 1; i < EVENTS; i++) {
                // One at a time, acknowledged by the broker, a few milliseconds apart: what a CRM posting live looks like.
                Thread.sleep(5);
                publisher.publish(accountId, "RevenueRecognized", "2026-02-01T00:00:00Z",
                        Fixtures.revenue("2026-01", i + ".00", "1.00"));
            }
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Metrics.sum("kam_projection_batch_records_sum", TOPIC) - records >= EVENTS);
        double pollsTaken = Metrics.sum("kam_projection_batch_records_count", TOPIC) - polls;
        double perPoll = (Metrics.sum("kam_projection_batch_records_sum", TOPIC) - records) / pollsTaken;
        // At Kafka's defaults (fetch.min.bytes=1) each fetch returns as soon as one record is there: about 1 a poll.
        assertThat(perPoll).as("records a poll over %s polls", pollsTaken).isGreaterThanOrEqualTo(3.0);
    }
}
