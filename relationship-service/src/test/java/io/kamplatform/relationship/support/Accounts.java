package io.kamplatform.relationship.support;

import static org.awaitility.Awaitility.await;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.UUID;

/** Accounts made known the way production does it: an AccountRegistered record on kam.account.events. */
public final class Accounts {
    private Accounts() {
    }

    public static String newAccountId() {
        return "ACME-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String newEventId() {
        return "evt-" + UUID.randomUUID();
    }

    /** Registers through the topic and waits until the service has learnt the account. */
    public static String registered(Pool pool) {
        String accountId = newAccountId();
        Topics.publishRegistration(accountId, "Account " + accountId);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> known(pool, accountId));
        return accountId;
    }

    public static boolean known(Pool pool, String accountId) {
        return pool.preparedQuery("SELECT 1 FROM known_accounts WHERE account_id = $1").execute(Tuple.of(accountId))
                .await().indefinitely().size() == 1;
    }
}
