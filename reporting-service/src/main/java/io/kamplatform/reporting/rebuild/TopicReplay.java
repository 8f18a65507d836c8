package io.kamplatform.reporting.rebuild;

import io.kamplatform.reporting.deadletter.DeadLetter;
import io.kamplatform.reporting.deadletter.DeadLetterTopics;
import io.kamplatform.reporting.projection.OwnConsumer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * The three topics and their dead-letter topics read from the beginning by a consumer of its own (no group, nothing
 * committed: the live projection's group is untouched). Dead letters come back as the records they were on their
 * original topic (as the dead-letter replay sees them), so facts the operator replayed are rebuilt too. Not thread-safe:
 * one rebuild thread uses it.
 */
final class TopicReplay implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** How long a batch waits for one more fetch response once it has records: a local round trip is milliseconds. */
    static final Duration MORE = Duration.ofMillis(50);

    private final KafkaConsumer<String, String> consumer;
    private final DeadLetterTopics deadLetterTopics;
    private final List<TopicPartition> partitions = new ArrayList<>();
    private final int maxPollRecords;
    private Map<TopicPartition, Long> ends = Map.of();

    TopicReplay(Map<String, Object> kafka, List<String> topics, DeadLetterTopics deadLetterTopics, int maxPollRecords) {
        this.deadLetterTopics = deadLetterTopics;
        this.maxPollRecords = maxPollRecords;
        consumer = OwnConsumer.create(kafka, "reporting-rebuild-", Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords));
        List<String> all = new ArrayList<>(topics);
        deadLetterTopics.all().forEach(all::add);
        for (String topic : all) {
            List<PartitionInfo> found = consumer.partitionsFor(topic, TIMEOUT);
            if (found.isEmpty() && topics.contains(topic)) {
                // Replaying "nothing" would switch in empty read models: refuse instead.
                consumer.close(Duration.ZERO);
                throw new IllegalStateException("topic " + topic + " not found: nothing to rebuild from");
            }
            for (PartitionInfo p : found) {
                partitions.add(new TopicPartition(p.topic(), p.partition()));
            }
        }
        partitions.sort(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        refreshEnds();
    }

    /** Reads the log end offsets again: the replay has caught up when its positions reach them. */
    void refreshEnds() {
        ends = consumer.endOffsets(partitions, TIMEOUT);
    }

    /**
     * The next records (about {@code maxPollRecords}, fewer when the replay is near the end), each as consumed from its
     * original topic: polls until the batch is full or a poll brings nothing more, since one fetch response holds at
     * most {@link OwnConsumer#FETCH_BYTES} (a few hundred records) and the database wants large batches.
     */
    List<ConsumerRecord<String, String>> poll() {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        while (records.size() < maxPollRecords) {
            ConsumerRecords<String, String> polled = consumer.poll(records.isEmpty() ? Duration.ofMillis(200) : MORE);
            if (polled.isEmpty()) {
                break;
            }
            for (ConsumerRecord<String, String> record : polled) {
                records.add(deadLetterTopics.isDeadLetterTopic(record.topic())
                        ? DeadLetter.of(record).asOriginal(deadLetterTopics.sourceTopicOf(record.topic()).orElseThrow(), record)
                        : record);
            }
        }
        return records;
    }

    boolean caughtUp() {
        return partitions.stream().allMatch(p -> consumer.position(p, TIMEOUT) >= ends.getOrDefault(p, 0L));
    }

    List<PartitionProgress> progress() {
        List<PartitionProgress> list = new ArrayList<>(partitions.size());
        for (TopicPartition p : partitions) {
            long position = consumer.position(p, TIMEOUT);
            long end = ends.getOrDefault(p, 0L);
            list.add(new PartitionProgress(p.topic(), p.partition(), position, end, Math.max(0, end - position)));
        }
        return list;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
