package io.kamplatform.account.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.kamplatform.account.support.AccountTopic;
import io.kamplatform.account.support.Batches;
import io.kamplatform.account.support.Events;
import io.kamplatform.account.support.PublishedHistory;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several CRM clients post 1,000-item batches at once, accounts interleaved within each batch, while busy threads
 * starve the CPUs: the relay races many overlapping, slow transactions. The topic must then hold exactly the store,
 * event by event, in per-account order. (A longer soak of the same shape: bench/outbox-soak.)
 */
@QuarkusTest
class ConcurrentBatchStressTest {

    static final int CLIENTS = 4;
    static final int BATCHES_PER_CLIENT = 6;
    static final int ACCOUNTS_PER_BATCH = 40;
    static final int EVENTS_PER_ACCOUNT = 25;

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
    void concurrentThousandItemBatchesReachTheTopicWholeAndInOrder() throws Exception {
        List<String> accounts = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        AtomicBoolean starving = new AtomicBoolean(true);
        List<Thread> busy = List.of(Thread.ofPlatform().start(() -> spin(starving)), Thread.ofPlatform().start(() -> spin(starving)));
        try {
            List<Future<Integer>> recorded = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                List<List<String>> batches = new ArrayList<>();
                for (int b = 0; b < BATCHES_PER_CLIENT; b++) {
                    List<String> batchAccounts = new ArrayList<>();
                    for (int a = 0; a < ACCOUNTS_PER_BATCH; a++) {
                        batchAccounts.add(Events.newAccountId());
                    }
                    accounts.addAll(batchAccounts);
                    batches.add(batchAccounts);
                }
                recorded.add(clients.submit(() -> {
                    int total = 0;
                    for (List<String> batchAccounts : batches) {
                        total += postBatch(batchAccounts);
                    }
                    return total;
                }));
            }
            int total = 0;
            for (Future<Integer> f : recorded) {
                total += f.get();
            }
            assertThat(total).isEqualTo(CLIENTS * BATCHES_PER_CLIENT * ACCOUNTS_PER_BATCH * EVENTS_PER_ACCOUNT);
        } finally {
            starving.set(false);
            clients.shutdownNow();
            for (Thread t : busy) {
                t.join();
            }
        }
        PublishedHistory.assertStoreEqualsTopic(pool, topic, accounts, Duration.ofSeconds(120));
    }

    /** One 1,000-item batch: each account registers, then its revenue months, items interleaved across accounts. */
    private static int postBatch(List<String> accounts) {
        List<String> items = new ArrayList<>();
        for (int e = 0; e < EVENTS_PER_ACCOUNT; e++) {
            for (String account : accounts) {
                items.add(e == 0 ? Batches.registration(account)
                        : Batches.revenue(account, "2025-%02d".formatted(1 + e % 12), "100.00", "60.00"));
            }
        }
        return Batches.post(items);
    }

    private static void spin(AtomicBoolean running) {
        long x = 0;
        while (running.get()) {
            x += System.nanoTime() % 7;
        }
        if (x == 42) {
            System.out.print("");
        }
    }
}
