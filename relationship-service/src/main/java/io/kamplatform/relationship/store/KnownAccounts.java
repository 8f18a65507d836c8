package io.kamplatform.relationship.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** The local list of accounts that account-service registered: events are accepted only for these. */
@ApplicationScoped
public class KnownAccounts {

    private final Pool pool;

    public KnownAccounts(Pool pool) {
        this.pool = pool;
    }

    /** Remembers a registration; a redelivered or duplicated registration changes nothing. */
    public Uni<Boolean> remember(String accountId, String name, String parentAccountId, String sourceEventId,
                                 OffsetDateTime registeredAt) {
        return pool.preparedQuery("INSERT INTO known_accounts (account_id, name, parent_account_id, source_event_id, "
                        + "registered_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (account_id) DO NOTHING")
                .execute(Tuple.of(accountId, name, parentAccountId, sourceEventId, registeredAt))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Set<String>> knownAmong(SqlConnection connection, Collection<String> accountIds) {
        return connection.preparedQuery("SELECT account_id FROM known_accounts WHERE account_id = ANY($1)")
                .execute(Tuple.of(accountIds.toArray(String[]::new)))
                .map(rows -> {
                    Set<String> known = new HashSet<>();
                    rows.forEach(row -> known.add(row.getString(0)));
                    return known;
                });
    }
}
