package io.kamplatform.reporting.rebuild;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kamplatform.reporting.store.IncomingFact;
import io.kamplatform.reporting.support.AdversarialHistory;
import io.kamplatform.reporting.support.Publisher;
import io.kamplatform.reporting.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/**
 * The rebuild against the live projection on the real broker and database: an adversarial history ({@link
 * AdversarialHistory}: redeliveries, reused, skipped, late and out-of-order versions, events without a stream id,
 * streams first seen above version 1, three sources; plus each account's first event again on the dead-letter topic)
 * is published and projected live, one batch at a time per element ({@code project_facts}); the rebuild replays it
 * with the set-based batches ({@code project_facts_bulk}) between the others' records, and every row the live
 * projection wrote for these accounts must be what the rebuild wrote.
 */
@QuarkusTest
class RebuildEquivalenceTest {

    static final String RUN = Publisher.newAccountId().substring(5);
    static final String PREFIX = "ADVRB" + RUN;
    static final String DEAD_LETTERS = AdversarialHistory.TOPIC + ".dlq";

    @Test
    void theRebuiltTablesAreRowForRowWhatTheLiveProjectionWrote() throws Exception {
        AdversarialHistory history = new AdversarialHistory(13, PREFIX);
        List<IncomingFact> events = history.events(1500);
        Map<String, RecordMetadata> firstOfAccount = new LinkedHashMap<>();
        Map<String, IncomingFact> firstFact = new LinkedHashMap<>();
        try (Publisher p = new Publisher()) {
            for (IncomingFact fact : events) {
                RecordMetadata sent = p.send(record(AdversarialHistory.TOPIC, fact));
                if (firstOfAccount.putIfAbsent(fact.accountId(), sent) == null) {
                    firstFact.put(fact.accountId(), fact);
                }
            }
            // Each account's first event again, dead-lettered: the rebuild replays it as its original; whenever it
            // comes, it is the account's first or a duplicate, so the rebuilt rows do not depend on the order.
            for (Map.Entry<String, IncomingFact> first : firstFact.entrySet()) {
                RecordMetadata original = firstOfAccount.get(first.getKey());
                ProducerRecord<String, String> deadLetter = record(DEAD_LETTERS, first.getValue());
                Publisher.header(deadLetter, "dead-letter-topic", original.topic());
                Publisher.header(deadLetter, "dead-letter-partition", String.valueOf(original.partition()));
                Publisher.header(deadLetter, "dead-letter-offset", String.valueOf(original.offset()));
                Publisher.header(deadLetter, "dead-letter-reason", "a test's copy");
                p.send(deadLetter);
            }
            // Last in each account's partition: when these are stored, everything before them was projected.
            for (String account : history.accounts()) {
                p.publish(AdversarialHistory.TOPIC, "sentinel-" + account, account, "AdversarialTestEvent",
                        "2026-01-01T00:00:00Z", "{}");
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> ReadModelRebuildTest.column(
                "SELECT count(*) FROM account_facts WHERE event_id LIKE 'sentinel-" + PREFIX + "-%'").get(0)
                .equals(String.valueOf(history.accounts().size())));
        Map<String, List<String>> live = tables();
        assertThat(live.get("stream_gaps")).as("the history has gaps").isNotEmpty();
        assertThat(live.get("stream_version_conflicts")).as("and version conflicts").isNotEmpty();

        given().auth().oauth2(Tokens.admin()).when().post(ReadModelRebuildTest.PATH).then().statusCode(202);
        await().atMost(Duration.ofSeconds(180)).until(() -> !List.of("REPLAYING", "WARMING", "SWITCHING")
                .contains(ReadModelRebuildTest.progress().getString("state")));
        JsonPath done = ReadModelRebuildTest.progress();
        assertThat(done.getString("state")).as(done.prettify()).isEqualTo("DONE");

        Map<String, List<String>> rebuilt = tables();
        for (String table : live.keySet()) {
            assertThat(rebuilt.get(table)).as(table).isEqualTo(live.get(table));
        }
    }

    /** A record as the producers publish it (CloudEvents binary mode, key = account id). */
    static ProducerRecord<String, String> record(String topic, IncomingFact fact) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, fact.accountId(), fact.data());
        Publisher.header(record, "ce_specversion", "1.0");
        Publisher.header(record, "ce_id", fact.eventId());
        Publisher.header(record, "ce_type", fact.type());
        Publisher.header(record, "ce_source", fact.source());
        Publisher.header(record, "ce_subject", fact.accountId());
        Publisher.header(record, "ce_time", fact.occurredAt().toString());
        Publisher.header(record, "ce_recordedtime", fact.recordedAt() == null ? null : fact.recordedAt().toString());
        Publisher.header(record, "ce_streamid", fact.streamId());
        Publisher.header(record, "ce_streamversion", fact.streamVersion() == null ? null : fact.streamVersion().toString());
        Publisher.header(record, "content-type", "application/json");
        return record;
    }

    /** The run's rows of every table the projection writes (times of projection left out). */
    static Map<String, List<String>> tables() throws Exception {
        String accounts = "LIKE '" + PREFIX + "-%'";
        Map<String, List<String>> tables = new LinkedHashMap<>();
        tables.put("account_facts", ReadModelRebuildTest.column("SELECT (to_jsonb(t) - 'projected_at')::text "
                + "FROM account_facts t WHERE account_id " + accounts + " ORDER BY 1"));
        // changed_in: the transaction that wrote the row (V11), another in a rebuild by nature
        tables.put("accounts", ReadModelRebuildTest.column("SELECT (to_jsonb(t) - 'changed_in')::text FROM accounts t "
                + "WHERE account_id " + accounts + " ORDER BY 1"));
        tables.put("projected_streams", ReadModelRebuildTest.column("SELECT to_jsonb(t)::text FROM projected_streams t "
                + "WHERE account_id " + accounts + " ORDER BY 1"));
        tables.put("stream_gaps", ReadModelRebuildTest.column("SELECT to_jsonb(t)::text FROM stream_gaps t "
                + "WHERE stream_id " + accounts + " ORDER BY 1"));
        tables.put("stream_version_conflicts", ReadModelRebuildTest.column("SELECT (to_jsonb(t) - 'detected_at')::text "
                + "FROM stream_version_conflicts t WHERE stream_id " + accounts + " ORDER BY 1"));
        return tables;
    }
}
