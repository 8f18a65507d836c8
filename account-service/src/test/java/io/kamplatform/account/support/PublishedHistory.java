package io.kamplatform.account.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Compares the event store with the topic, event by event: every committed event of the given accounts is on
 * kam.account.events exactly once, and each account's events are there in stream-version order.
 */
public final class PublishedHistory {

    private PublishedHistory() {
    }

    public static void assertStoreEqualsTopic(Pool pool, AccountTopic topic, Collection<String> accounts, Duration timeout) {
        Map<String, List<Long>> storedVersions = new LinkedHashMap<>();
        Set<String> storedIds = new HashSet<>();
        pool.preparedQuery("SELECT event_id, subject, version FROM event_store WHERE subject = ANY($1) "
                        + "ORDER BY subject, version")
                .execute(Tuple.of(accounts.toArray(String[]::new))).await().indefinitely()
                .forEach(row -> {
                    storedIds.add(row.getString("event_id"));
                    storedVersions.computeIfAbsent(row.getString("subject"), k -> new ArrayList<>()).add(row.getLong("version"));
                });

        List<ConsumerRecord<String, String>> records = topic.recordsFor(accounts,
                found -> found.size() >= storedIds.size(), timeout);
        Set<String> publishedIds = new HashSet<>();
        Map<String, List<Long>> publishedVersions = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            publishedIds.add(AccountTopic.header(record, "ce_id"));
            publishedVersions.computeIfAbsent(record.key(), k -> new ArrayList<>())
                    .add(Long.parseLong(AccountTopic.header(record, "ce_streamversion")));
        }
        Set<String> missing = new HashSet<>(storedIds);
        missing.removeAll(publishedIds);
        assertThat(missing).as("%d of %d committed events never reached the topic", missing.size(), storedIds.size())
                .isEmpty();
        assertThat(records).as("records on the topic (a duplicate would make more)").hasSize(storedIds.size());
        storedVersions.forEach((account, versions) ->
                assertThat(publishedVersions.get(account)).as("per-account order of %s", account).isEqualTo(versions));
    }
}
