package io.kamplatform.account.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.kamplatform.account.support.AccountTopic;
import io.kamplatform.account.support.Batches;
import io.kamplatform.account.support.Events;
import io.kamplatform.account.support.PublishedHistory;
import io.kamplatform.account.support.RelayPause;
import io.kamplatform.account.support.TransactionIds;
import io.quarkus.test.junit.QuarkusTest;
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

    /** One transaction: registrations first, then revenue events for the accounts, interleaved. */
    private static void postBatch(List<String> accounts, int t) {
        List<String> items = new ArrayList<>();
        if (t == 0) {
            accounts.forEach(a -> items.add(Batches.registration(a)));
        }
        while (items.size() < EVENTS_PER_TRANSACTION) {
            items.add(Batches.revenue(accounts.get((t + items.size()) % accounts.size()), "2026-01", "10.00", "6.00"));
        }
        assertThat(Batches.post(items)).isEqualTo(items.size());
    }
}
