package io.kamplatform.reporting.deadletter;

import io.kamplatform.reporting.projection.OwnConsumer;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a dead-letter topic from its beginning up to its end as it was when the read started (later dead letters
 * wait for the next call), with a consumer of its own: no group, nothing committed, the projection's consumers
 * untouched. Blocking; for worker threads.
 */
@ApplicationScoped
public class DeadLetterReader {

    /** A dead-letter topic read up to the end it had when the read started. */
    public record Snapshot(long count, List<ConsumerRecord<String, String>> records, boolean truncated) {
    }

    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> kafka;

    public DeadLetterReader(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.kafka = kafka;
    }

    /** The records present now, at most {@code limit} of them ({@code count} says how many there are). */
    public Snapshot read(String topic, int limit) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(topic, READ_TIMEOUT)) {
                partitions.add(new TopicPartition(p.topic(), p.partition()));
            }
            if (partitions.isEmpty()) {
                return new Snapshot(0, List.of(), false); // never created: nothing was ever dead-lettered
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions, READ_TIMEOUT);
            long count = partitions.stream().mapToLong(p -> end.get(p) - beginning.get(p)).sum();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            Predicate<TopicPartition> pending = p -> consumer.position(p, READ_TIMEOUT) < end.get(p);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (records.size() < limit && partitions.stream().anyMatch(pending)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + READ_TIMEOUT);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < end.get(tp) && records.size() < limit) {
                        records.add(record);
                    }
                }
            }
            return new Snapshot(count, records, records.size() < count);
        }
    }

    private KafkaConsumer<String, String> consumer() {
        return OwnConsumer.create(kafka, "reporting-dead-letters-", Map.of());
    }
}
