package io.kamplatform.bench.perf.workload;

import io.kamplatform.bench.perf.BenchContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Scratch databases of the run on the platform's PostgreSQL, and small queries. */
final class Databases {

    private Databases() {
    }

    static void recreate(BenchContext ctx, String database) throws SQLException {
        try (Connection admin = ctx.platform().database("postgres"); Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database);
        }
    }

    static void drop(BenchContext ctx, String database) {
        try (Connection admin = ctx.platform().database("postgres"); Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            ctx.out().println("    could not drop " + database + ": " + e.getMessage());
        }
    }

    /** The first column of the first row as a long; -1 when the query fails (e.g. the table is not there yet). */
    static long single(BenchContext ctx, String database, String sql) {
        try (Connection c = ctx.platform().database(database); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(sql)) {
            return rows.next() ? rows.getLong(1) : -1;
        } catch (SQLException e) {
            return -1;
        }
    }

    static String text(BenchContext ctx, String database, String sql) throws SQLException {
        try (Connection c = ctx.platform().database(database); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }
}
