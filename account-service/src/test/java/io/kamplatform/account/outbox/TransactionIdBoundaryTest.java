package io.kamplatform.account.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.kamplatform.account.support.AccountTopic;
import io.kamplatform.account.support.Events;
import io.kamplatform.account.support.PublishedHistory;
import io.kamplatform.account.support.RelayPause;
import io.kamplatform.account.support.Tokens;
import io.kamplatform.account.support.TransactionIds;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Regression for the lost-events bug: the relay sorted its backlog by the decimal text of the transaction id, so a
 * backlog that spanned a power of ten ("99990" sorts after "100010") moved the checkpoint past whole committed
 * transactions that were never published.
 */
@QuarkusTest
class TransactionIdBoundaryTest {

    static final int TRANSACTIONS = 60;
    static final int EVENTS_PER_TRANSACTION = 20;

    @Inject
    Pool pool;

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
    void aBacklogSpanningAPowerOfTenOfTransactionIdsIsPublishedWhole() {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            accounts.add(Events.newAccountId());
        }
        long boundary;
        try (RelayPause pause = RelayPause.hold(pool)) {
            boundary = TransactionIds.nextPowerOfTen(TransactionIds.next(pause.connection()) + 2 * TRANSACTIONS);
            TransactionIds.burnUntil(pause.connection(), boundary - TRANSACTIONS / 2);
            for (int t = 0; t < TRANSACTIONS; t++) {
                postBatch(accounts, t);
            }
        }
        Row span = pool.preparedQuery("SELECT min(transaction_id)::text, max(transaction_id)::text FROM event_store "
                + "WHERE subject = ANY($1)").execute(Tuple.of(accounts.toArray(String[]::new))).await().indefinitely()
                .iterator().next();
        assertThat(Long.parseLong(span.getString(0))).as("first transaction of the backlog").isLessThan(boundary);
        assertThat(Long.parseLong(span.getString(1))).as("last transaction of the backlog").isGreaterThanOrEqualTo(boundary);

        PublishedHistory.assertStoreEqualsTopic(pool, topic, accounts, Duration.ofSeconds(30));
    }

    /** One transaction: registrations first, then a few revenue events for two of the accounts, interleaved. */
    private static void postBatch(List<String> accounts, int t) {
        List<String> items = new ArrayList<>();
        if (t == 0) {
            accounts.forEach(a -> items.add(item(a, "AccountRegistered",
                    "{\"name\":\"Boundary " + a + "\",\"sector\":\"Retail\",\"country\":\"DE\"}")));
        }
        while (items.size() < EVENTS_PER_TRANSACTION) {
            String account = accounts.get((t + items.size()) % accounts.size());
            items.add(item(account, "RevenueRecognized", "{\"month\":\"2026-01\",\"revenue\":{\"amount\":\"10.00\","
                    + "\"currency\":\"EUR\"},\"costOfSales\":{\"amount\":\"6.00\",\"currency\":\"EUR\"}}"));
        }
        given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                .body("{\"items\":[" + String.join(",", items) + "]}")
                .when().post("/api/account-events/batch")
                .then().statusCode(200);
    }

    private static String item(String accountId, String type, String data) {
        return "{\"accountId\":\"" + accountId + "\",\"eventId\":\"" + Events.newEventId() + "\",\"type\":\"" + type
                + "\",\"occurredAt\":\"2026-01-10T08:00:00Z\",\"data\":" + data + "}";
    }
}
