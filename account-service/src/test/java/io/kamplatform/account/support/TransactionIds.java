package io.kamplatform.account.support;

import io.vertx.mutiny.sqlclient.SqlConnection;

/** PostgreSQL transaction ids as a test controls them: read the next one, and burn ids up to a chosen one. */
public final class TransactionIds {

    private TransactionIds() {
    }

    /** Assigns (and so consumes) a transaction id and returns it. */
    public static long next(SqlConnection connection) {
        return Long.parseLong(connection.query("SELECT pg_current_xact_id()::text").execute().await().indefinitely()
                .iterator().next().getString(0));
    }

    /** Commits empty transactions until the next id assigned is at least {@code target}. */
    public static void burnUntil(SqlConnection connection, long target) {
        long burn = target - next(connection) - 1;
        if (burn > 0) {
            // One COMMIT per iteration: each loop turn takes a fresh transaction id (PostgreSQL 11+ procedures).
            connection.query("DO $$ BEGIN FOR i IN 1.." + burn + " LOOP PERFORM pg_current_xact_id(); COMMIT; "
                    + "END LOOP; END $$").execute().await().indefinitely();
        }
    }

    /** The smallest power of ten greater than {@code value}: where the decimal text of an id gains a digit. */
    public static long nextPowerOfTen(long value) {
        long power = 10;
        while (power <= value) {
            power *= 10;
        }
        return power;
    }
}
