package io.kamplatform.account.support;

import io.kamplatform.local.TestInfra;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A plain Kafka consumer on kam.account.events, independent of the service's own client setup:
 * what it reads is what any downstream consumer would read.
 */
public final class AccountTopic implements AutoCloseable {

    public static final String TOPIC = "kam.account.events";
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    public AccountTopic() {
        Properties props = new Properties();
        props.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.instance().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        consumer = new KafkaConsumer<>(props);
        consumer.subscribe(List.of(TOPIC));
    }

    /** Polls until {@code done} holds for the records with one of the keys, or the timeout passes. */
    public List<ConsumerRecord<String, String>> recordsFor(Collection<String> keys,
                                                           Predicate<List<ConsumerRecord<String, String>>> done,
                                                           Duration timeout) {
        Set<String> wanted = new HashSet<>(keys);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<ConsumerRecord<String, String>> matching = seen.stream().filter(r -> wanted.contains(r.key())).toList();
            if (done.test(matching) || System.nanoTime() > deadline) {
                return matching;
            }
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
    }

    public List<ConsumerRecord<String, String>> recordsFor(String key, int atLeast) {
        return recordsFor(List.of(key), records -> records.size() >= atLeast, Duration.ofSeconds(30));
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
