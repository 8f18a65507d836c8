package io.kamplatform.reporting.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;

/**
 * One record on a dead-letter topic, as an operator needs to see it: where it is, which event it carries, where it
 * came from, and why it was dead-lettered (the headers the connector's dead-letter strategy writes).
 */
public record DeadLetter(String topic, int partition, long offset, Instant deadLetteredAt, String key, String eventId,
                         String source, String type, String originalTopic, Integer originalPartition, Long originalOffset,
                         String reason, String cause) {

    static final String REASON = "dead-letter-reason";
    static final String CAUSE = "dead-letter-cause";
    static final String ORIGINAL_TOPIC = "dead-letter-topic";
    static final String ORIGINAL_PARTITION = "dead-letter-partition";
    static final String ORIGINAL_OFFSET = "dead-letter-offset";

    public static DeadLetter of(ConsumerRecord<String, String> record) {
        return new DeadLetter(record.topic(), record.partition(), record.offset(),
                record.timestampType() == TimestampType.NO_TIMESTAMP_TYPE ? null : Instant.ofEpochMilli(record.timestamp()),
                record.key(), header(record, "ce_id"), header(record, "ce_source"), header(record, "ce_type"),
                header(record, ORIGINAL_TOPIC), number(header(record, ORIGINAL_PARTITION), Integer::valueOf),
                number(header(record, ORIGINAL_OFFSET), Long::valueOf), header(record, REASON), header(record, CAUSE));
    }

    /**
     * The record as it was consumed from its original topic (same key, value and headers), so that replaying it takes
     * exactly the consumers' projection path and stores the original coordinates.
     */
    public ConsumerRecord<String, String> asOriginal(String fallbackTopic, ConsumerRecord<String, String> deadLetter) {
        ConsumerRecord<String, String> original = new ConsumerRecord<>(originalTopic == null ? fallbackTopic : originalTopic,
                originalPartition == null ? deadLetter.partition() : originalPartition,
                originalOffset == null ? deadLetter.offset() : originalOffset, deadLetter.key(), deadLetter.value());
        deadLetter.headers().forEach(h -> original.headers().add(h));
        return original;
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static <N> N number(String value, java.util.function.Function<String, N> parse) {
        try {
            return value == null ? null : parse.apply(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
