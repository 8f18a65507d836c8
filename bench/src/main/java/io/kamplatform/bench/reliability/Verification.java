package io.kamplatform.bench.reliability;

import io.kamplatform.bench.platform.PlatformRun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Waits until the pipeline has caught up, then checks every acknowledged event at each hop: the writer's event
 * store, the Kafka topics, the reporting read model (exactly once), and the figures a manager reads (total revenue as
 * of a date, account timelines). Used by the fault harness after each fault and by the benchmark after its load.
 */
public final class Verification {

    public static final List<String> TOPICS = List.of("kam.account.events", "kam.interaction.events", "kam.contract.events");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TIMELINE_SAMPLE = 100;

    private final PlatformRun platform;
    private final Acknowledgements acknowledgements;
    private final String revenueAsOf;
    private final PrintStream out;

    /**
     * @param revenueAsOf the date whose dependency-risk report must state the acknowledged revenue to the cent (the
     *                    items' {@link PlannedItem#revenue()} count what falls in that report's 12-month window)
     */
    public Verification(PlatformRun platform, Acknowledgements acknowledgements, String revenueAsOf, PrintStream out) {
        this.platform = platform;
        this.acknowledgements = acknowledgements;
        this.revenueAsOf = revenueAsOf;
        this.out = out;
    }

    /** Polls until both outboxes are drained and the read model holds as many events as the stores. */
    public void awaitCatchUp(long deadlineNanos) throws Exception {
        String admin = platform.token("KAM_TOKEN_KAM_ADMIN");
        long lastPrint = 0;
        while (true) {
            long backlog = 0;
            boolean healthy = true;
            for (Writer writer : Writer.values()) {
                try {
                    HttpResponse<String> state = platform.get(writer.portOffset, "/api/admin/outbox", admin);
                    JsonNode body = JSON.readTree(state.body());
                    backlog += state.statusCode() == 200 ? body.path("unpublishedEvents").asLong() : 1;
                    healthy &= state.statusCode() == 200 && body.path("healthy").asBoolean();
                } catch (Exception e) {
                    backlog += 1;
                }
            }
            long stored = -1;
            long projected = -1;
            try {
                stored = count(Writer.ACCOUNT.database, "SELECT count(*) FROM event_store")
                        + count(Writer.RELATIONSHIP.database, "SELECT count(*) FROM event_store");
                projected = count("reporting", "SELECT count(*) FROM account_facts");
            } catch (SQLException e) {
                // PostgreSQL may still be restarting
            }
            if (backlog == 0 && healthy && stored >= 0 && projected >= stored) {
                return;
            }
            if (System.nanoTime() > deadlineNanos) {
                throw new IllegalStateException("did not catch up: outbox backlog " + backlog + " (healthy " + healthy
                        + "), " + projected + " of " + stored + " events projected");
            }
            if (System.nanoTime() - lastPrint > 10_000_000_000L) {
                lastPrint = System.nanoTime();
                out.printf("    catching up: outbox backlog %,d, %,d of %,d stored events projected%n", backlog, projected, stored);
            }
            Thread.sleep(1000);
        }
    }

    RunResult check(Fault fault, double recoverySeconds, double loadSeconds, double catchUpSeconds) throws Exception {
        Findings f = verify();
        return new RunResult(fault, f.acknowledged(), f.stored(), f.storedWithoutAcknowledgement(), f.lostInStore(),
                f.lostOnTopic(), f.redeliveredOnTopic(), f.versionConflicts(), f.lostInReadModel(), f.countedTwice(),
                f.revenueAcknowledged(), f.revenueReported(), f.timelinesChecked(), f.timelineMismatches(),
                recoverySeconds, loadSeconds, catchUpSeconds, null);
    }

    /** Looks for every acknowledged event in the stores, on Kafka and in the read model; call after {@link #awaitCatchUp}. */
    public Findings verify() throws Exception {
        Set<String> stored = new HashSet<>();
        for (Writer writer : Writer.values()) {
            try (Connection c = platform.database(writer.database); Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("SELECT event_id FROM event_store")) {
                while (rows.next()) {
                    stored.add(writer.source + " " + rows.getString(1));
                }
            }
        }
        Set<String> acked = acknowledgements.keys();
        long lostInStore = acked.stream().filter(k -> !stored.contains(k)).count();
        long storedWithoutAck = stored.stream().filter(k -> !acked.contains(k)).count();

        TopicContents topics = readTopics();
        long lostOnTopic = acked.stream().filter(k -> !topics.copies.containsKey(k)).count();
        long redelivered = topics.copies.values().stream().mapToLong(n -> n - 1).sum();

        Map<String, Integer> projected = new HashMap<>();
        try (Connection c = platform.database("reporting"); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT source, event_id, count(*) FROM account_facts GROUP BY source, event_id")) {
            while (rows.next()) {
                projected.put(rows.getString(1) + " " + rows.getString(2), rows.getInt(3));
            }
        }
        long lostInReadModel = acked.stream().filter(k -> !projected.containsKey(k)).count();
        long countedTwice = projected.values().stream().filter(n -> n > 1).count();

        BigDecimal reported = reportedRevenue();
        int[] timelines = checkTimelines();
        out.printf("    store %,d (%,d without a 2xx: answers lost in the fault), Kafka %,d distinct (%,d redelivered), "
                        + "read model %,d%n", stored.size(), storedWithoutAck, topics.copies.size(), redelivered,
                projected.size());
        return new Findings(acked.size(), stored.size(), storedWithoutAck, lostInStore, lostOnTopic, redelivered,
                topics.versionConflicts, lostInReadModel, countedTwice, acknowledgements.revenue(), reported,
                timelines[0], timelines[1]);
    }

    private long count(String database, String sql) throws SQLException {
        try (Connection c = platform.database(database); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Total revenue of the portfolio as the dependency-risk report states it. */
    private BigDecimal reportedRevenue() {
        try {
            HttpResponse<String> report = platform.get(2, "/api/reports/portfolio/dependency-risk?asOf="
                    + revenueAsOf, platform.token("KAM_TOKEN_KAM_READER"));
            if (report.statusCode() != 200) {
                out.println("    dependency-risk answered " + report.statusCode() + ": " + report.body());
                return null;
            }
            return new BigDecimal(JSON.readTree(report.body()).path("totalRevenue").asText());
        } catch (Exception e) {
            out.println("    dependency-risk failed: " + e);
            return null;
        }
    }

    /**
     * Sampled accounts: the timeline lists each acknowledged event of the account exactly once, read page by page (an
     * account of a quick run can pass 500 events once W1's batches have written to it).
     */
    private int[] checkTimelines() throws Exception {
        List<String> accounts = new ArrayList<>(acknowledgements.perAccount.keySet());
        Collections.sort(accounts);
        Collections.shuffle(accounts, new Random(7));
        int checked = 0;
        int mismatches = 0;
        for (String account : accounts.subList(0, Math.min(TIMELINE_SAMPLE, accounts.size()))) {
            int events = 0;
            boolean answered = true;
            for (JsonNode next = IntNode.valueOf(0); answered && next.isInt(); ) {
                HttpResponse<String> page = platform.get(2, "/api/reports/accounts/" + account + "/timeline?limit=500&offset="
                        + next.asInt(), platform.token("KAM_TOKEN_KAM_READER"));
                answered = page.statusCode() == 200;
                JsonNode body = JSON.readTree(page.body());
                events += body.path("events").size();
                next = body.path("nextOffset");
            }
            checked++;
            if (!answered || events != acknowledgements.perAccount.get(account).get()) {
                mismatches++;
                out.printf("    timeline of %s: %d events, %d acknowledged%n", account, events,
                        acknowledgements.perAccount.get(account).get());
            }
        }
        return new int[] {checked, mismatches};
    }

    private TopicContents readTopics() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        TopicContents contents = new TopicContents();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    contents.add(header(record, "ce_source"), header(record, "ce_id"), header(record, "ce_streamid"),
                            header(record, "ce_streamversion"));
                }
            }
        }
        return contents;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Copies per (source, id) and stream versions claimed by two different ids. */
    private static final class TopicContents {
        final Map<String, Integer> copies = new HashMap<>();
        final Map<String, String> versionOwner = new HashMap<>();
        long versionConflicts;

        void add(String source, String id, String stream, String version) {
            String key = source + " " + id;
            copies.merge(key, 1, Integer::sum);
            if (stream != null && version != null) {
                String owner = versionOwner.putIfAbsent(source + " " + stream + " " + version, id);
                if (owner != null && !owner.equals(id)) {
                    versionConflicts++;
                }
            }
        }
    }
}
