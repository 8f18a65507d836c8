package io.kamplatform.reporting.webhook;

import io.kamplatform.reporting.support.Publisher;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Insight records as the insight producer publishes them on kam.insight.events (CloudEvents binary mode). */
final class Insights {

    static final String TOPIC = "kam.insight.events";

    private Insights() {
    }

    /** A HealthBandChanged-like insight about {@code accountId} (null: portfolio-wide); returns its id. */
    static String publish(Publisher publisher, String type, String accountId, String managerId, String band, String extra) {
        String id = "ins-" + UUID.randomUUID();
        publish(publisher, id, type, accountId, managerId, band, extra);
        return id;
    }

    static void publish(Publisher publisher, String id, String type, String accountId, String managerId, String band, String extra) {
        String key = accountId == null ? "portfolio" : accountId;
        String data = "{\"insightId\":\"" + id + "\",\"accountId\":" + quoted(accountId) + ",\"managerId\":" + quoted(managerId)
                + ",\"band\":" + quoted(band) + ",\"occurredAt\":\"2026-11-30T10:00:00Z\",\"causes\":[\"evt-1\"]"
                + (extra == null ? "" : "," + extra) + "}";
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, key, data);
        Publisher.header(record, "ce_specversion", "1.0");
        Publisher.header(record, "ce_id", id);
        Publisher.header(record, "ce_source", "/kam-platform/reporting-service/insights");
        Publisher.header(record, "ce_type", type);
        Publisher.header(record, "ce_subject", key);
        Publisher.header(record, "ce_time", "2026-11-30T10:00:00Z");
        Publisher.header(record, "content-type", "application/json");
        publisher.send(record);
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
