package io.kamplatform.kit.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * The topics whose consumption waits for the infrastructure: which record, since when, how many attempts, and why.
 * A consumer's readiness check reports them; the logs say when a wait starts, every power-of-two attempt, and when it
 * ends. Shared by every service that consumes (reporting-service's projection, relationship-service's account list).
 */
@ApplicationScoped
public class ConsumerStalls {

    private static final Logger LOG = Logger.getLogger(ConsumerStalls.class);

    /** One topic's consumption waiting on a record. */
    public record Stall(String topic, int partition, long offset, Instant since, long attempts, String lastFailure) {

        public String describe() {
            return "waiting since " + since + " (" + attempts + " attempts) to process " + topic + "-" + partition + "@"
                    + offset + ": " + lastFailure;
        }
    }

    private final Map<String, Stall> byTopic = new ConcurrentHashMap<>();
    private final Clock clock;

    public ConsumerStalls() {
        this(Clock.systemUTC());
    }

    ConsumerStalls(Clock clock) {
        this.clock = clock;
    }

    public List<Stall> current() {
        return byTopic.values().stream().sorted(java.util.Comparator.comparing(Stall::topic)).toList();
    }

    /** Follows the retries of one record of the consumer. */
    public InfrastructureRetry.Listener listenerFor(ConsumerRecord<?, ?> record) {
        String topic = record.topic();
        return new InfrastructureRetry.Listener() {
            private Instant since;

            @Override
            public void waiting(long attempt, Throwable failure, Duration wait) {
                if (since == null) {
                    since = clock.instant();
                }
                String reason = reason(failure);
                byTopic.put(topic, new Stall(topic, record.partition(), record.offset(), since, attempt, reason));
                if (Long.bitCount(attempt) == 1) {
                    LOG.warnf("Consumption of %s waits for the infrastructure: attempt %d to process %s-%d@%d failed (%s); "
                            + "retrying in %d ms, without limit", topic, attempt, topic, record.partition(), record.offset(),
                            reason, wait.toMillis());
                }
            }

            @Override
            public void resumed(long failedAttempts) {
                byTopic.remove(topic);
                LOG.infof("Consumption of %s resumed at %s-%d@%d after %d failed attempts over %d s", topic, topic,
                        record.partition(), record.offset(), failedAttempts,
                        since == null ? 0 : Duration.between(since, clock.instant()).toSeconds());
            }
        };
    }

    private static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return root.getClass().getSimpleName() + message;
    }
}
