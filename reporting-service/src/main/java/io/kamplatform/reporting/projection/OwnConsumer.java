package io.kamplatform.reporting.projection;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A consumer of its own for reading topics outside the projection's group (dead letters, a rebuild): the broker
 * settings of the connector, no group, nothing committed, no topic created, committed records only, from the start.
 */
public final class OwnConsumer {

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
        config.putAll(overrides);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
