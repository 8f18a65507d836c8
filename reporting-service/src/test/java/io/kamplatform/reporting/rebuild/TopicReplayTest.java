package io.kamplatform.reporting.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import io.kamplatform.reporting.deadletter.DeadLetterTopics;
import io.kamplatform.reporting.projection.OwnConsumer;
import io.kamplatform.reporting.support.Publisher;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * A replay batch on the real broker: fetch responses are capped below G1's humongous size, so one batch gathers
 * several of them, up to the poll size, and ends when nothing more comes.
 */
@QuarkusTest
class TopicReplayTest {

    static final int RECORDS = 1500;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;
    @Inject
    DeadLetterTopics deadLetterTopics;

    @Test
    void aBatchGathersSeveralFetchResponsesUpToThePollSize() throws Exception {
        String topic = "kam.replay-batch-test-" + Publisher.newAccountId().substring(5);
        String data = "{\"note\":\"" + "x".repeat(1000) + "\"}";
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            records.add(Publisher.record("ACC-" + (i % 7), "ReplayBatchTested", "2026-01-01T00:00:00Z", data));
        }
        try (Publisher p = new Publisher()) {
            p.send(new ProducerRecord<>(topic, "ACC-0", data)); // creates the topic (auto-created, one partition)
            p.sendTogether(records.stream().map(r -> new ProducerRecord<>(topic, null, r.key(), r.value(), r.headers()))
                    .toList());
        }
        assertThat((long) RECORDS * data.length()).as("several fetch responses' worth")
                .isGreaterThan(3L * OwnConsumer.FETCH_BYTES);

        try (TopicReplay replay = new TopicReplay(kafka, List.of(topic), deadLetterTopics, 5000)) {
            List<ConsumerRecord<String, String>> batch = firstBatch(replay);
            // a replay also reads the dead-letter topics, where other tests of the suite leave a few records
            long all = replay.progress().stream().mapToLong(PartitionProgress::endOffset).sum();
            assertThat(batch.stream().filter(r -> r.topic().equals(topic))).as("one batch, every record of the topic")
                    .hasSize(RECORDS + 1);
            assertThat(batch).as("and of the dead-letter topics").hasSize((int) all);
            assertThat(replay.poll()).as("then nothing more").isEmpty();
            assertThat(replay.caughtUp()).isTrue();
        }
        try (TopicReplay replay = new TopicReplay(kafka, List.of(topic), deadLetterTopics, 600)) {
            List<ConsumerRecord<String, String>> batch = firstBatch(replay);
            assertThat(batch.size()).as("about the poll size: it stops once full").isBetween(600, 600 + 400);
        }
    }

    /** The first batch that brings records (the consumer's first fetch may come after the first poll's wait). */
    private static List<ConsumerRecord<String, String>> firstBatch(TopicReplay replay) {
        for (int attempt = 0; attempt < 100; attempt++) {
            List<ConsumerRecord<String, String>> batch = replay.poll();
            if (!batch.isEmpty()) {
                return batch;
            }
        }
        throw new AssertionError("no records within 100 polls");
    }
}
