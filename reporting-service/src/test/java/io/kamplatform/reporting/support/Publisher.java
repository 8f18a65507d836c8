package io.kamplatform.reporting.support;

import io.kamplatform.local.TestInfra;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes records as the writer services' outboxes do: CloudEvents binary mode, key = account id. */
public final class Publisher implements AutoCloseable {

    /** The ce_source of the events tests publish. */
    public static final String SOURCE = "/kam-platform/test";

    private final KafkaProducer<String, String> producer;

    public Publisher() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.instance().kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    public static String newAccountId() {
        return "ACME-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Publishes one event with a fresh id; returns the id. */
    public String publish(String accountId, String type, String occurredAt, String data) {
        String eventId = "evt-" + UUID.randomUUID();
        publish(Fixtures.TOPIC_OF.getOrDefault(type, Fixtures.INTERACTIONS), eventId, accountId, type, occurredAt, data);
        return eventId;
    }

    /**
     * Publishes one event its producer recorded at {@code recordedAt} ({@code ce_recordedtime}: a late or backdated
     * fact has an occurredAt long before it); returns its fresh id.
     */
    public String publishRecorded(String accountId, String type, String occurredAt, String recordedAt, String data) {
        ProducerRecord<String, String> record = record(accountId, type, occurredAt, data);
        header(record, "ce_recordedtime", recordedAt);
        send(record);
        return new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
    }

    public void publish(String topic, String eventId, String accountId, String type, String occurredAt, String data) {
        publish(topic, SOURCE, eventId, accountId, type, occurredAt, data, null, null);
    }

    /** A record as the producers publish it, with its stream position ({@code streamId} null: an older producer). */
    public void publish(String topic, String source, String eventId, String accountId, String type, String occurredAt,
                        String data, String streamId, Long streamVersion) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, accountId, data);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", eventId);
        header(record, "ce_type", type);
        header(record, "ce_source", source);
        header(record, "ce_subject", accountId);
        header(record, "ce_time", occurredAt);
        header(record, "ce_streamid", streamId);
        header(record, "ce_streamversion", streamVersion == null ? null : String.valueOf(streamVersion));
        header(record, "content-type", "application/json");
        send(record);
    }

    /** Sends the records together (one producer batch, flushed at the end), so a consumer tends to poll them at once. */
    public void sendTogether(java.util.List<ProducerRecord<String, String>> records) {
        records.forEach(producer::send);
        producer.flush();
    }

    /** A record as {@link #publish} would send it, not sent yet. */
    public static ProducerRecord<String, String> record(String accountId, String type, String occurredAt, String data) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Fixtures.TOPIC_OF.getOrDefault(type, Fixtures.INTERACTIONS),
                accountId, data);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", "evt-" + UUID.randomUUID());
        header(record, "ce_type", type);
        header(record, "ce_source", SOURCE);
        header(record, "ce_subject", accountId);
        header(record, "ce_time", occurredAt);
        header(record, "content-type", "application/json");
        return record;
    }

    public RecordMetadata send(ProducerRecord<String, String> record) {
        try {
            return producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void header(ProducerRecord<String, String> record, String name, String value) {
        if (value != null) {
            record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
