package io.kamplatform.kit.messaging;

import io.smallrye.mutiny.CompositeException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells an infrastructure failure (the database or broker is unreachable, restarting, overloaded or failing over:
 * the same work succeeds later, unchanged) from a failure of the work itself. A consumer retries the first kind
 * for as long as it lasts and must never dead-letter a record for it; the second kind is the record's (or the
 * code's) fault and retrying changes nothing.
 *
 * <p>Infrastructure: network and I/O errors, closed connections, pool and query timeouts, a pool too busy,
 * Kafka's retriable errors, and PostgreSQL SQLSTATEs of classes 08 (connection exception), 53 (insufficient
 * resources), 57 (operator intervention: shutdown, restart, cancelled query), 58 (system error), 40 (transaction
 * rollback: serialization failure, deadlock), 55 (object not in prerequisite state: "database is not currently
 * accepting connections", lock not available) and 25006 (read-only transaction: a standby after a failover). Every
 * cause in the chain is looked at, so wrapped failures are recognised.
 */
public final class InfrastructureFailures {

    private static final Set<String> TRANSIENT_SQLSTATE_CLASSES = Set.of("08", "53", "57", "58", "40", "55");
    private static final String READ_ONLY_SQL_TRANSACTION = "25006";

    private InfrastructureFailures() {
    }

    /** True when {@code failure}, or anything that caused it, is an infrastructure failure. */
    public static boolean isInfrastructure(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        return anyInChain(failure, seen);
    }

    /** True for a SQLSTATE that says the database, not the statement or its data, is the problem. */
    public static boolean isTransientSqlState(String sqlState) {
        return sqlState != null && sqlState.length() == 5
                && (TRANSIENT_SQLSTATE_CLASSES.contains(sqlState.substring(0, 2)) || READ_ONLY_SQL_TRANSACTION.equals(sqlState));
    }

    private static boolean anyInChain(Throwable failure, Set<Throwable> seen) {
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (isInfrastructureItself(t)) {
                return true;
            }
            List<Throwable> branches = t instanceof CompositeException composite ? composite.getCauses() : List.of();
            for (Throwable branch : branches) {
                if (anyInChain(branch, seen)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isInfrastructureItself(Throwable t) {
        if (t instanceof DatabaseException db) {
            return isTransientSqlState(db.getSqlState());
        }
        if (t instanceof SQLException sql) {
            return isTransientSqlState(sql.getSQLState());
        }
        return t instanceof IOException                       // connection refused/reset, unknown host, closed channel
                || t instanceof TimeoutException               // pool wait, connect and query timeouts (vert.x)
                || t instanceof ClosedConnectionException
                || t instanceof ConnectionPoolTooBusyException
                || t instanceof RetriableException             // Kafka: the request may succeed when retried
                || isClosingClient(t);
    }

    /**
     * Vert.x reports a pool or connection that is closing (the service shutting down, or the server dropping the
     * socket) only by message, in a {@code NoStackTraceThrowable}. Such a failure is never the record's: failing the
     * message for it would dead-letter valid records at every shutdown.
     */
    private static boolean isClosingClient(Throwable t) {
        String message = t.getMessage();
        return message != null && t.getClass().getName().startsWith("io.vertx.")
                && (message.equals("Pool closed") || message.startsWith("Connection is not active now"));
    }
}
