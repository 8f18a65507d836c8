package io.kamplatform.reporting.deadletter;

import io.kamplatform.kit.messaging.InfrastructureFailures;
import io.kamplatform.reporting.projection.FactProjector;
import io.kamplatform.reporting.store.ProjectionResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Projects the dead letters present when the call starts again, through the consumers' own projection path, e.g.
 * after a fix or after records were dead-lettered by an older version during an outage. Idempotent: what is projected
 * already counts as such. One replay at a time. Blocking; for worker threads. Each replay is traced in the trace of
 * the post the dead letter carries ({@link ReplayTracing}).
 */
@ApplicationScoped
public class DeadLetterReplay {

    /** Another replay is running. */
    public static class AlreadyRunning extends RuntimeException {
        AlreadyRunning() {
            super("a dead-letter replay is already running", null, false, false);
        }
    }

    /** The database failed for an infrastructure reason: the replay stopped there. */
    public static class InfrastructureUnavailable extends RuntimeException {
        InfrastructureUnavailable(String topic, long offset, Throwable cause) {
            super("the replay stopped at " + topic + "@" + offset + ", the database is unavailable ("
                    + cause.getMessage() + "); nothing is lost, replay again when /q/health/ready is UP", cause, false, false);
        }
    }

    private static final Logger LOG = Logger.getLogger(DeadLetterReplay.class);
    private static final Duration PER_RECORD = Duration.ofSeconds(30);

    private final DeadLetterTopics topics;
    private final DeadLetterReader reader;
    private final FactProjector projector;
    private final MeterRegistry registry;
    private final ReplayTracing tracing;
    private final AtomicBoolean running = new AtomicBoolean();

    public DeadLetterReplay(DeadLetterTopics topics, DeadLetterReader reader, FactProjector projector, MeterRegistry registry,
                            ReplayTracing tracing) {
        this.topics = topics;
        this.reader = reader;
        this.projector = projector;
        this.registry = registry;
        this.tracing = tracing;
    }

    /** Replays {@code onlyTopic}, or every dead-letter topic when null. */
    public ReplayReport replay(String onlyTopic) {
        if (!running.compareAndSet(false, true)) {
            throw new AlreadyRunning();
        }
        try {
            List<ReplayReport.TopicReplay> replays = new ArrayList<>();
            for (String topic : topics.all()) {
                if (onlyTopic == null || onlyTopic.equals(topic)) {
                    replays.add(replayTopic(topic));
                }
            }
            ReplayReport report = new ReplayReport(replays);
            LOG.infof("Dead-letter replay: %s", report);
            return report;
        } finally {
            running.set(false);
        }
    }

    private ReplayReport.TopicReplay replayTopic(String topic) {
        String sourceTopic = topics.sourceTopicOf(topic).orElseThrow();
        DeadLetterReader.Snapshot snapshot = reader.read(topic, Integer.MAX_VALUE);
        long replayed = 0;
        long already = 0;
        long conflicts = 0;
        List<ReplayReport.StillFailing> failing = new ArrayList<>();
        for (ConsumerRecord<String, String> record : snapshot.records()) {
            DeadLetter letter = DeadLetter.of(record);
            ReplayTracing.TracedReplay traced = tracing.replaying(record, letter);
            try (Scope ignored = traced.activate()) {
                ProjectionResult result = projector.projectOnce(letter.asOriginal(sourceTopic, record)).await().atMost(PER_RECORD);
                traced.replayed(result.outcome().name());
                switch (result.outcome()) {
                    case PROJECTED -> replayed++;
                    case DUPLICATE -> already++;
                    case VERSION_CONFLICT -> conflicts++;
                }
                registry.counter("kam.projection.dead.letters.replayed", "topic", topic, "outcome",
                        result.outcome().name().toLowerCase()).increment();
            } catch (RuntimeException e) {
                traced.failed(e);
                if (InfrastructureFailures.isInfrastructure(e)) {
                    throw new InfrastructureUnavailable(topic, record.offset(), e);
                }
                failing.add(new ReplayReport.StillFailing(record.partition(), record.offset(), letter.eventId(),
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                registry.counter("kam.projection.dead.letters.replayed", "topic", topic, "outcome", "still_failing").increment();
            }
        }
        return new ReplayReport.TopicReplay(topic, sourceTopic, snapshot.count(), replayed, already, conflicts, failing);
    }
}
