package io.kamplatform.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The launcher's PostgreSQL 17: the postmaster as a direct child process, on a data directory that is kept.
 *
 * <p>Durable: {@code fsync=on} and {@code synchronous_commit=on}, so a commit the services acknowledged survives a
 * crash of PostgreSQL or of the machine (zonky's defaults, {@code -F} and {@code synchronous_commit=off}, suit
 * throw-away test databases only: a kill -9 under load lost acknowledged events).
 */
final class PostgresProcess implements ManagedProcess {

    static final String USER = "postgres";
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final PostgresBinaries binaries;
    private final Path dataDir;
    private final int port;
    private final LogFile log;

    PostgresProcess(Path dataDir, int port, Path log) {
        this.binaries = PostgresBinaries.unpacked();
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.port = port;
        this.log = new LogFile(log);
    }

    @Override
    public String name() {
        return "postgres";
    }

    PostgresServer server() {
        return new PostgresServer("localhost", port, USER, "");
    }

    Path dataDir() {
        return dataDir;
    }

    /** Several attempts: after a crash, old backends may hold the shared memory or the lock file for a moment. */
    @Override
    public int firstStartAttempts() {
        return 6;
    }

    @Override
    public Process start(boolean restart) throws IOException {
        if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
            initdb();
        }
        List<String> args = new ArrayList<>(List.of("-D", dataDir.toString(), "-p", Integer.toString(port),
                "-c", "listen_addresses=localhost",
                "-c", "fsync=on",
                "-c", "synchronous_commit=on",
                "-c", "full_page_writes=on",
                "-c", "timezone=UTC",
                "-c", "max_connections=300")); // as zonky: the services' pools add up
        return new ProcessBuilder(OwnSession.command(binaries.command("postgres", args)))
                .redirectErrorStream(true)
                .redirectOutput(log.redirect(restart))
                .start();
    }

    /** Ready when it answers a query; crash recovery after a kill -9 happens before that. */
    @Override
    public boolean awaitReady(Process process, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Properties login = new Properties();
        login.setProperty("user", USER);
        login.setProperty("connectTimeout", "2");
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Connection c = DriverManager.getConnection(server().jdbcUrl("postgres"), login);
                    Statement s = c.createStatement()) {
                s.execute("select 1");
                return true;
            } catch (SQLException notYet) {
                Thread.sleep(100);
            }
        }
        return false;
    }

    /** SIGINT, PostgreSQL's fast shutdown: sessions are ended, everything committed is on disk. */
    @Override
    public void stop(Process process) {
        if (Signals.interrupt(process.toHandle(), STOP_GRACE)) {
            System.out.println("  PostgreSQL did not stop within " + STOP_GRACE.toSeconds() + " s: killed it");
        }
    }

    @Override
    public java.nio.file.Path log() {
        return log.path();
    }

    @Override
    public String failureDetail() {
        return "Last lines of " + log + ":\n" + log.tail(15);
    }

    private void initdb() throws IOException {
        Files.createDirectories(dataDir);
        Path initLog = log.path().resolveSibling("postgres-initdb.log");
        Process initdb = new ProcessBuilder(binaries.command("initdb",
                List.of("-A", "trust", "-U", USER, "-D", dataDir.toString(), "-E", "UTF-8")))
                .redirectErrorStream(true)
                .redirectOutput(initLog.toFile())
                .start();
        try {
            if (!initdb.waitFor(2, TimeUnit.MINUTES) || initdb.exitValue() != 0) {
                initdb.destroyForcibly();
                throw new IOException("initdb failed, see " + initLog + ":\n" + new LogFile(initLog).tail(20));
            }
        } catch (InterruptedException e) {
            initdb.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during initdb", e);
        }
    }
}
