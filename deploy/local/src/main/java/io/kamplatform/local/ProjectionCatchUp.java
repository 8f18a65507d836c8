package io.kamplatform.local;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until a consumer group has processed everything on its topics (committed offsets at the end offsets, twice
 * in a row with nothing new published in between), so that the reports the banner points to already show the demo.
 * Offsets are committed a few seconds after processing, so the wait overshoots by up to that much.
 */
final class ProjectionCatchUp {

    static final List<String> TOPICS = List.of("kam.account.events", "kam.interaction.events", "kam.contract.events");

    private ProjectionCatchUp() {
    }

    /** True when the group caught up within {@code timeout}; prints the outcome either way. */
    static boolean await(String bootstrapServers, String group, Duration timeout, PrintStream out) {
        long t = System.nanoTime();
        long deadline = t + timeout.toNanos();
        long previousEnd = -1;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000))) {
            while (System.nanoTime() < deadline) {
                long[] lagAndEnd = lagAndEnd(admin, group);
                if (lagAndEnd[0] == 0 && lagAndEnd[1] == previousEnd) {
                    out.printf("  %s has projected all %,d events (%.1f s)%n", group, lagAndEnd[1], (System.nanoTime() - t) / 1e9);
                    return true;
                }
                previousEnd = lagAndEnd[0] == 0 ? lagAndEnd[1] : -1;
                Thread.sleep(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            out.println("  could not follow " + group + "'s progress: " + e.getMessage());
            return false;
        }
        out.printf("  %s is still projecting after %d s; reports fill in as it catches up%n", group, timeout.toSeconds());
        return false;
    }

    /** [events not yet committed by the group, events on the topics]. */
    private static long[] lagAndEnd(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (var description : admin.describeTopics(TOPICS).allTopicNames().get(5, TimeUnit.SECONDS).values()) {
            description.partitions().forEach(p -> latest.put(new TopicPartition(description.name(), p.partition()),
                    OffsetSpec.latest()));
        }
        var ends = admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
        long lag = 0;
        long end = 0;
        List<TopicPartition> partitions = new ArrayList<>(ends.keySet());
        for (TopicPartition partition : partitions) {
            long last = ends.get(partition).offset();
            OffsetAndMetadata done = committed.get(partition);
            end += last;
            lag += last - (done == null ? 0 : done.offset());
        }
        return new long[] {lag, end};
    }
}
