package io.kamplatform.account.store;

import io.kamplatform.account.domain.plan.AccountStanding;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Where accounts stand — registered, key account — read from their streams by the last event that changes it,
 * without folding whole accounts: what a parent's registration and a plan's key-account rule need to know.
 */
@ApplicationScoped
public class AccountStandings {

    static final String REGISTERED = AccountEventType.ACCOUNT_REGISTERED.typeName();
    static final String DESIGNATED = AccountEventType.KEY_ACCOUNT_DESIGNATED.typeName();
    static final String REVOKED = AccountEventType.KEY_ACCOUNT_DESIGNATION_REVOKED.typeName();

    /** The standing of each given account; accounts without events are absent (not registered). */
    public Uni<Map<String, AccountStanding>> of(SqlConnection connection, Collection<String> accountIds) {
        if (accountIds.isEmpty()) {
            return Uni.createFrom().item(new HashMap<>());
        }
        return connection.preparedQuery("SELECT DISTINCT ON (stream_id) stream_id, event_type FROM event_store "
                        + "WHERE stream_id = ANY($1) AND event_type = ANY($2) ORDER BY stream_id, version DESC")
                .execute(Tuple.of(accountIds.toArray(String[]::new), new String[] {REGISTERED, DESIGNATED, REVOKED}))
                .map(rows -> {
                    Map<String, AccountStanding> standings = new HashMap<>();
                    rows.forEach(row -> standings.put(row.getString(0), after(row.getString(1))));
                    return standings;
                });
    }

    /** The standing after the account's last status event. */
    public static AccountStanding after(String eventType) {
        return DESIGNATED.equals(eventType) ? AccountStanding.KEY_ACCOUNT : AccountStanding.REGISTERED;
    }
}
