package io.kamplatform.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Where a PostgreSQL server is and how to log in as a user allowed to create databases. The same code serves the
 * embedded server, a Testcontainers one and an external one.
 */
public record PostgresServer(String host, int port, String username, String password) {

    /** Database names are interpolated into DDL, so only plain identifiers are accepted. */
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** Parses an admin JDBC URL such as {@code jdbc:postgresql://db.example:5432/postgres}. */
    public static PostgresServer fromJdbcUrl(String adminJdbcUrl, String username, String password) {
        var m = Pattern.compile("jdbc:postgresql://([^:/?]+)(?::(\\d+))?(?:/.*)?").matcher(adminJdbcUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("Expected jdbc:postgresql://HOST[:PORT]/DB, got " + adminJdbcUrl);
        }
        return new PostgresServer(m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)),
                username, password == null ? "" : password);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The form Quarkus' reactive PostgreSQL client takes. */
    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    /** Creates {@code name} unless it exists. Returns whether it was created. */
    public boolean createDatabaseIfMissing(String name) {
        requireValidName(name);
        try (Connection c = admin();
                PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("create database " + name);
            }
            return true;
        } catch (SQLException e) {
            if ("42P04".equals(e.getSQLState())) { // created concurrently by someone else: fine
                return false;
            }
            throw new IllegalStateException("Cannot create database " + name + " on " + jdbcUrl("postgres"), e);
        }
    }

    /** Drops {@code name} (disconnecting its sessions) and creates it empty. */
    public void recreateDatabase(String name) {
        requireValidName(name);
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot recreate database " + name + " on " + jdbcUrl("postgres"), e);
        }
    }

    /** A connection to the {@code postgres} maintenance database. */
    public Connection admin() throws SQLException {
        return DriverManager.getConnection(jdbcUrl("postgres"), username, password);
    }

    private static void requireValidName(String name) {
        if (name == null || !DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Database name must match " + DATABASE_NAME + ": " + name);
        }
    }
}
