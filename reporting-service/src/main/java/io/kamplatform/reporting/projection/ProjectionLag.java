package io.kamplatform.reporting.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * How far the projection is behind the topics, per topic-partition: the log end offset minus the projection's
 * position (the offset after the last record this instance stored, or the consumer group's committed offset, whichever
 * is further; other instances commit theirs). Measured every {@code kam.projection.lag-refresh} on a thread of its own
 * (Kafka's admin calls block) and published as the gauge {@code kam_projection_lag_records{topic,partition}}; reports
 * show it in their headers ({@code KAM-Projection-Lag}, {@code KAM-Data-As-Of}). Lag never makes readiness DOWN: a
 * service catching up still answers, and says how current its answers are.
 */
@ApplicationScoped
public class ProjectionLag {

    /** One partition's end offset, the projection's position in it, and the records between. */
    public record PartitionLag(String topic, int partition, long endOffset, long position, long lag) {
    }

    /**
     * The last measurement: the total lag and, as {@code dataAsOf}, the last instant the projection had every record
     * published before it (the latest measurement with no lag; null before the first one).
     */
    public record Snapshot(Instant measuredAt, long lagRecords, Instant dataAsOf, List<PartitionLag> partitions) {

        static final Snapshot UNKNOWN = new Snapshot(null, -1, null, List.of());

        public String state() {
            return measuredAt == null ? "UNKNOWN" : lagRecords == 0 ? "CURRENT" : "CATCHING_UP";
        }
    }

    private static final Logger LOG = Logger.getLogger(ProjectionLag.class);

    private final Map<String, Object> kafka;
    private final List<String> topics;
    private final String group;
    private final MeterRegistry registry;
    private final Clock clock;
    private final long refreshMillis;
    private final Map<TopicPartition, Long> stored = new ConcurrentHashMap<>();
    private final Map<TopicPartition, AtomicLong> gauges = new ConcurrentHashMap<>();
    private volatile Snapshot last = Snapshot.UNKNOWN;
    private ScheduledExecutorService timer;
    private Admin admin;

    public ProjectionLag(@Identifier("default-kafka-broker") Map<String, Object> kafka,
                         @ConfigProperty(name = "mp.messaging.incoming.account-events.topic") String accountTopic,
                         @ConfigProperty(name = "mp.messaging.incoming.interaction-events.topic") String interactionTopic,
                         @ConfigProperty(name = "mp.messaging.incoming.contract-events.topic") String contractTopic,
                         @ConfigProperty(name = "mp.messaging.connector.smallrye-kafka.group.id") String group,
                         ProjectionConfig config,
                         MeterRegistry registry, Clock clock) {
        this.kafka = kafka;
        this.topics = List.of(accountTopic, interactionTopic, contractTopic);
        this.group = group;
        this.registry = registry;
        this.clock = clock;
        this.refreshMillis = config.lagRefresh().toMillis();
    }

    void start(@Observes StartupEvent started) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kam-projection-lag");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::measureQuietly, 0, refreshMillis, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (timer != null) {
            timer.shutdownNow();
        }
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }

    /** The consumers stored {@code record}s up to this offset (called after a batch is stored). */
    void stored(String topic, int partition, long offset) {
        stored.merge(new TopicPartition(topic, partition), offset + 1, Math::max);
    }

    public Snapshot current() {
        return last;
    }

    private void measureQuietly() {
        try {
            measure();
        } catch (Exception e) {
            LOG.debugf("projection lag not measured: %s", e.getMessage());
        }
    }

    /** One measurement: end offsets and committed offsets from the broker, stored positions from this instance. */
    synchronized Snapshot measure() throws Exception {
        Admin client = admin();
        Map<String, TopicDescription> described = client.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        described.values().forEach(d -> d.partitions().forEach(p -> {
            latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest());
            earliest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.earliest());
        }));
        var ends = client.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
        var starts = client.listOffsets(earliest).all().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Instant now = clock.instant();
        List<PartitionLag> partitions = new ArrayList<>();
        long total = 0;
        for (TopicPartition tp : latest.keySet()) {
            long end = ends.get(tp).offset();
            OffsetAndMetadata c = committed.get(tp);
            long position = Math.max(Math.max(starts.get(tp).offset(), c == null ? 0 : c.offset()), stored.getOrDefault(tp, 0L));
            long lag = Math.max(0, end - position);
            total += lag;
            partitions.add(new PartitionLag(tp.topic(), tp.partition(), end, position, lag));
            gauge(tp).set(lag);
        }
        partitions.sort(Comparator.comparing(PartitionLag::topic).thenComparingInt(PartitionLag::partition));
        last = new Snapshot(now, total, total == 0 ? now : last.dataAsOf(), List.copyOf(partitions));
        return last;
    }

    private AtomicLong gauge(TopicPartition tp) {
        return gauges.computeIfAbsent(tp, key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("kam.projection.lag.records", value, AtomicLong::get)
                    .description("Records on the topic-partition the projection has not stored yet (log end offset - position)")
                    .tags("topic", key.topic(), "partition", String.valueOf(key.partition()))
                    .register(registry);
            return value;
        });
    }

    private Admin admin() {
        if (admin == null) {
            Map<String, Object> config = new HashMap<>();
            kafka.forEach((key, value) -> {
                if (key.equals(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG) || key.startsWith("security.")
                        || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                    config.put(key, value);
                }
            });
            config.put(AdminClientConfig.CLIENT_ID_CONFIG, "reporting-projection-lag");
            admin = Admin.create(config);
        }
        return admin;
    }
}
