package io.kamplatform.reporting.deadletter;

import io.kamplatform.kit.messaging.InfrastructureFailures;
import io.kamplatform.reporting.projection.UnreadableRecordException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import io.vertx.sqlclient.DatabaseException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * The connector's dead-letter-queue failure strategy, counted and logged in the one place every dead letter passes:
 * {@code kam.projection.dead.lettered{topic, kind}} goes up once the record is on {@code <topic>.dlq}, whatever made
 * it fail. Configured as {@code failure-strategy=} {@value #NAME}.
 */
@ApplicationScoped
@Identifier(CountedDeadLetterQueue.NAME)
public class CountedDeadLetterQueue implements KafkaFailureHandler.Factory {

    public static final String NAME = "kam-dead-letter-queue";

    private static final Logger LOG = Logger.getLogger(CountedDeadLetterQueue.class);

    private final KafkaFailureHandler.Factory deadLetterQueue;
    private final MeterRegistry registry;

    public CountedDeadLetterQueue(@Identifier("dead-letter-queue") KafkaFailureHandler.Factory deadLetterQueue,
                                  MeterRegistry registry) {
        this.deadLetterQueue = deadLetterQueue;
        this.registry = registry;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx, KafkaConsumer<?, ?> consumer,
                                      BiConsumer<Throwable, Boolean> reportFailure) {
        KafkaFailureHandler delegate = deadLetterQueue.create(config, vertx, consumer, reportFailure);
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                String kind = kind(reason);
                return delegate.handle(record, reason, metadata).invoke(() -> {
                    registry.counter("kam.projection.dead.lettered", "topic", record.getTopic(), "kind", kind).increment();
                    LOG.warnf("Dead-lettered %s-%d@%d (%s): %s", record.getTopic(), record.getPartition(), record.getOffset(),
                            kind, reason.getMessage());
                });
            }

            @Override
            public void terminate() {
                delegate.terminate();
            }
        };
    }

    /** A bounded tag value: why, in one word, the record could not be projected. */
    static String kind(Throwable reason) {
        if (reason instanceof UnreadableRecordException) {
            return "unreadable";
        }
        if (InfrastructureFailures.isInfrastructure(reason)) {
            return "infrastructure"; // never expected: the projector waits these out
        }
        for (Throwable t = reason; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseException) {
                return "rejected-by-database";
            }
        }
        return "processing-failed";
    }
}
