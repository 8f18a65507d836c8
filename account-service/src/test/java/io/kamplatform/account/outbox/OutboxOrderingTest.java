package io.kamplatform.account.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.kamplatform.account.support.AccountTopic;
import io.kamplatform.account.support.Events;
import io.kamplatform.account.support.Tokens;
import io.kamplatform.kit.store.EventStore;
import io.kamplatform.kit.store.NewEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The outbox never skips a row of a transaction that commits late, and keeps per-account order. */
@QuarkusTest
class OutboxOrderingTest {

    @Inject
    Pool pool;

    @Inject
    EventStore store;

    static AccountTopic topic;

    @BeforeAll
    static void subscribe() {
        topic = new AccountTopic();
    }

    @AfterAll
    static void close() {
        topic.close();
    }

    @Test
    void aSlowTransactionThatCommitsAfterAFasterLaterOneIsNotSkipped() throws Exception {
        String slowAccount = Events.newAccountId();
        String fastAccount = Events.newAccountId();
        String slowEvent = Events.newEventId();

        // The slow transaction takes its position first and stays open.
        SqlConnection connection = pool.getConnection().await().indefinitely();
        Transaction slow = connection.begin().await().indefinitely();
        long slowPosition = store.append(connection, List.of(new NewEvent(slowEvent, slowAccount, slowAccount, 1, "AccountRegistered", 1,
                        "{\"name\":\"Slow Ltd\",\"sector\":\"S\",\"country\":\"DE\",\"parentAccountId\":null}",
                        OffsetDateTime.parse("2026-01-05T09:00:00Z"), "hash")))
                .await().indefinitely().get(0).position();

        // A faster, later transaction commits and gets a higher position.
        var receipt = given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                .body(Events.registration(Events.newEventId(), "Fast Ltd"))
                .when().post("/api/accounts/{id}/events", fastAccount)
                .then().statusCode(201).extract();
        assertThat(receipt.jsonPath().getLong("position")).isGreaterThan(slowPosition);

        // Let the relay run several passes while the slow transaction is open: publishing the fast
        // event now and moving the checkpoint past the slow one's position is exactly the bug.
        Thread.sleep(1500);
        slow.commit().await().indefinitely();
        connection.close().await().indefinitely();

        List<ConsumerRecord<String, String>> records = topic.recordsFor(List.of(slowAccount, fastAccount),
                found -> found.size() >= 2, Duration.ofSeconds(30));
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(slowAccount, fastAccount);
        assertThat(AccountTopic.header(records.stream().filter(r -> r.key().equals(slowAccount)).findFirst().orElseThrow(),
                "ce_id")).isEqualTo(slowEvent);
    }

    @Test
    void everyEventOfManyConcurrentWritersIsPublishedInPerAccountOrder() throws Exception {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String account = Events.newAccountId();
            accounts.add(account);
            post(account, Events.registration(Events.newEventId(), "Writer " + i));
        }
        ExecutorService executor = Executors.newFixedThreadPool(8);
        List<Callable<Void>> calls = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            for (String account : accounts) {
                String body = Events.revenue(Events.newEventId(), "2026-02", "10.00", "5.00");
                calls.add(() -> {
                    post(account, body);
                    return null;
                });
            }
        }
        executor.invokeAll(calls).forEach(f -> {
            try {
                f.get();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        executor.shutdown();

        int expected = accounts.size() * 11;
        List<ConsumerRecord<String, String>> records = topic.recordsFor(accounts, found -> found.size() >= expected,
                Duration.ofSeconds(60));
        assertThat(records).hasSize(expected);
        Map<String, List<Long>> versions = new HashMap<>();
        records.forEach(r -> versions.computeIfAbsent(r.key(), k -> new ArrayList<>())
                .add(Long.parseLong(AccountTopic.header(r, "ce_streamversion"))));
        List<Long> oneToEleven = java.util.stream.LongStream.rangeClosed(1, 11).boxed().toList();
        accounts.forEach(account -> assertThat(versions.get(account)).as(account).isEqualTo(oneToEleven));
    }

    static void post(String account, String body) {
        given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON).body(body)
                .when().post("/api/accounts/{id}/events", account)
                .then().statusCode(201);
    }
}
