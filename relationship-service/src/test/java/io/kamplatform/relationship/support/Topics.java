package io.kamplatform.relationship.support;

import io.kamplatform.local.TestInfra;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients on the real broker: what any other producer or consumer of the platform would see. */
public final class Topics implements AutoCloseable {

    public static final String ACCOUNTS = "kam.account.events";
    public static final String INTERACTIONS = "kam.interaction.events";
    public static final String CONTRACTS = "kam.contract.events";

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    public Topics(String... topics) {
        Properties props = new Properties();
        props.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.instance().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        consumer = new KafkaConsumer<>(props);
        consumer.subscribe(List.of(topics));
    }

    /** Polls until {@code done} holds for the records with the key, or 30 s pass. */
    public List<ConsumerRecord<String, String>> recordsFor(String key, Predicate<List<ConsumerRecord<String, String>>> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<ConsumerRecord<String, String>> matching = seen.stream().filter(r -> key.equals(r.key())).toList();
            if (done.test(matching) || System.nanoTime() > deadline) {
                return matching;
            }
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Publishes an AccountRegistered CloudEvent as account-service would. */
    public static void publishRegistration(String accountId, String name) {
        publishRegistration(accountId, name, null);
    }

    /** As {@link #publishRegistration(String, String)}, recorded by a request of the trace {@code traceParent} names. */
    public static void publishRegistration(String accountId, String name, String traceParent) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.instance().kafkaBootstrapServers());
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            var record = new ProducerRecord<>(ACCOUNTS, accountId,
                    "{\"name\":\"" + name + "\",\"sector\":\"Manufacturing\",\"country\":\"DE\",\"parentAccountId\":null}");
            record.headers().add("ce_specversion", bytes("1.0"));
            record.headers().add("ce_id", bytes("registration-" + accountId));
            record.headers().add("ce_type", bytes("AccountRegistered"));
            record.headers().add("ce_source", bytes("/kam-platform/account-service"));
            record.headers().add("ce_subject", bytes(accountId));
            record.headers().add("ce_time", bytes("2026-01-05T09:00:00Z"));
            record.headers().add("content-type", bytes("application/json"));
            if (traceParent != null) {
                record.headers().add("ce_traceparent", bytes(traceParent));
            }
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
