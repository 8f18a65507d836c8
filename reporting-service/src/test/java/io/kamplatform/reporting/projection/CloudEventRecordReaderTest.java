package io.kamplatform.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The data must be one JSON object: checked token by token (no tree), it still refuses whatever a parsed tree refused,
 * and keeps the value exactly as sent.
 */
class CloudEventRecordReaderTest {

    private final CloudEventRecordReader reader = new CloudEventRecordReader(new ObjectMapper());

    @Test
    void anObjectIsReadAsSent() {
        String value = "{\"month\":\"2025-01\",\"revenue\":{\"amount\":\"100.00\",\"currency\":\"EUR\"},\"tags\":[1,2.5,\"a\\n\",null,true]}";
        assertThat(reader.read(record(value)).data()).isEqualTo(value);
    }

    @Test
    void whatIsNotOneJsonObjectIsUnreadable() {
        assertUnreadable("{not json", "not JSON");
        assertUnreadable("{\"a\":1", "not JSON"); // cut off
        assertUnreadable("{\"a\":\"\\q\"}", "not JSON"); // no such escape
        assertUnreadable("{\"a\":01}", "not JSON"); // leading zero
        assertUnreadable("{\"a\":[1,}", "not JSON");
        assertUnreadable("[{\"a\":1}]", "not a JSON object");
        assertUnreadable("\"text\"", "not a JSON object");
        assertUnreadable("", "not a JSON object");
    }

    private void assertUnreadable(String value, String reason) {
        assertThatThrownBy(() -> reader.read(record(value))).as(value)
                .isInstanceOf(UnreadableRecordException.class).hasMessageContaining(reason);
    }

    private static ConsumerRecord<String, String> record(String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("kam.account.events", 0, 7L, "ACME", value);
        header(record, "ce_id", "evt-1");
        header(record, "ce_source", "/kam-platform/account-service");
        header(record, "ce_type", "RevenueRecognized");
        header(record, "ce_time", "2026-01-05T09:00:00Z");
        return record;
    }

    private static void header(ConsumerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
