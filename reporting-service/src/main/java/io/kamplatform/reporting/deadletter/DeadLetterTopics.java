package io.kamplatform.reporting.deadletter;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/** The dead-letter topics of the three consumed topics, as configured: dead-letter topic → the topic it serves. */
@ApplicationScoped
public class DeadLetterTopics {

    static final String[] CHANNELS = {"account-events", "interaction-events", "contract-events"};

    private final Map<String, String> sourceTopicByDeadLetterTopic = new LinkedHashMap<>();

    public DeadLetterTopics(Config config) {
        for (String channel : CHANNELS) {
            String prefix = "mp.messaging.incoming." + channel + ".";
            String topic = config.getOptionalValue(prefix + "topic", String.class).orElse(channel);
            String deadLetters = config.getOptionalValue(prefix + "dead-letter-queue.topic", String.class)
                    .orElse("dead-letter-topic-" + channel);
            sourceTopicByDeadLetterTopic.put(deadLetters, topic);
        }
    }

    /** Every dead-letter topic, in channel order. */
    public Iterable<String> all() {
        return sourceTopicByDeadLetterTopic.keySet();
    }

    public boolean isDeadLetterTopic(String topic) {
        return sourceTopicByDeadLetterTopic.containsKey(topic);
    }

    public Optional<String> sourceTopicOf(String deadLetterTopic) {
        return Optional.ofNullable(sourceTopicByDeadLetterTopic.get(deadLetterTopic));
    }
}
