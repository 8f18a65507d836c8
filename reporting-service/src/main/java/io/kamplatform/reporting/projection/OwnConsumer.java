package io.kamplatform.reporting.projection;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A consumer of its own for reading topics outside the projection's group (dead letters, a rebuild): the broker
 * settings of the connector, no group, nothing committed, no topic created, committed records only, from the start,
 * and fetch responses of at most {@link #FETCH_BYTES}.
 */
public final class OwnConsumer {

    /**
     * The most one fetch response holds, below half of G1's smallest region (1 MiB): the consumer reads each response
     * into one heap buffer, and with Kafka's defaults (1 MiB a partition, 50 MiB in all) every response of a replay was
     * a humongous allocation, each able to start a concurrent marking cycle. During a replay of 1.5 M records G1 marked
     * about twice a second, its marking thread at a quarter of a core on a box where PostgreSQL is the limit (jstat, top,
     * 2026-12-01). A reader that wants large batches polls several times ({@code TopicReplay}).
     */
    public static final int FETCH_BYTES = 384 * 1024;

    private OwnConsumer() {
    }

    public static KafkaConsumer<String, String> create(Map<String, Object> kafka, String clientIdPrefix,
                                                       Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientIdPrefix + UUID.randomUUID());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, FETCH_BYTES);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, FETCH_BYTES);
        config.putAll(overrides);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
