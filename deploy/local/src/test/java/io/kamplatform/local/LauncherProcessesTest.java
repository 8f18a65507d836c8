package io.kamplatform.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's own PostgreSQL and Kafka processes: durable, restarted after a kill -9, found when left behind. */
class LauncherProcessesTest {

    private static final Backoff QUICK = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofMinutes(1));

    private final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @Test
    void postgresCommitsSynchronouslyAndComesBackAfterKill9WithItsData(@TempDir Path home) throws Exception {
        PostgresProcess postgres = new PostgresProcess(home.resolve("postgres"), Ports.free(), home.resolve("pg.log"));
        try (RunState state = RunState.acquire(home)) {
            Supervisor supervisor = new Supervisor(postgres, state, out, QUICK, Duration.ofSeconds(60));
            supervisor.spawn();
            supervisor.awaitFirstReady();
            try {
                assertEquals("on", show(postgres, "synchronous_commit"));
                assertEquals("on", show(postgres, "fsync"));
                execute(postgres, "create table acknowledged (id int primary key)", "insert into acknowledged values (1)");

                ProcessHandle first = supervisor.handle();
                first.destroyForcibly(); // kill -9 of the postmaster
                awaitRestart(supervisor, first, Duration.ofSeconds(60));

                assertEquals("1", query(postgres, "select string_agg(id::text, ',') from acknowledged"));
                assertEquals("on", show(postgres, "synchronous_commit"));
                assertEquals(1, supervisor.restarts());
            } finally {
                supervisor.stop();
            }
            assertFalse(supervisor.handle().isAlive());
            assertFalse(Files.exists(postgres.dataDir().resolve("postmaster.pid")), "fast shutdown, not a crash");
        }
    }

    @Test
    void aPostmasterLeftByACrashedLauncherIsFoundByItsDataDirectoryAndStopped(@TempDir Path home) throws Exception {
        PostgresProcess postgres = new PostgresProcess(home.resolve("postgres"), Ports.free(), home.resolve("pg.log"));
        Process postmaster = postgres.start(false);
        try {
            assertTrue(postgres.awaitReady(postmaster, Duration.ofSeconds(60)));
            List<String> stopped = new Leftovers(home, home.resolve("postgres")).stop(new Properties());
            assertEquals(List.of("postgres (pid " + postmaster.pid() + ")"), stopped);
            assertFalse(postmaster.isAlive());
            assertFalse(Files.exists(postgres.dataDir().resolve("postmaster.pid")), "SIGINT: a clean fast shutdown");
        } finally {
            postmaster.destroyForcibly();
        }
    }

    @Test
    void kafkaRunsAsItsOwnProcessAndComesBackAfterKill9(@TempDir Path home) throws Exception {
        int port = Ports.free();
        KafkaProcess kafka = new KafkaProcess(home, port, Ports.free(), home.resolve("kafka"), home.resolve("kafka.log"));
        try (RunState state = RunState.acquire(home)) {
            Supervisor supervisor = new Supervisor(kafka, state, out, QUICK, Duration.ofSeconds(60));
            supervisor.spawn();
            supervisor.awaitFirstReady();
            try {
                ProcessHandle first = supervisor.handle();
                assertNotEquals(ProcessHandle.current().pid(), first.pid());
                first.destroyForcibly();
                awaitRestart(supervisor, first, Duration.ofSeconds(60));
                assertTrue(supervisor.handle().isAlive());
            } finally {
                supervisor.stop();
            }
            assertFalse(supervisor.handle().isAlive());
        }
    }

    private static void awaitRestart(Supervisor supervisor, ProcessHandle first, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            ProcessHandle now = supervisor.handle();
            if (now.pid() != first.pid() && now.isAlive() && supervisor.isReady()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(supervisor.name() + " was not restarted within " + timeout.toSeconds() + " s");
    }

    private static String show(PostgresProcess postgres, String setting) throws Exception {
        return query(postgres, "show " + setting);
    }

    private static String query(PostgresProcess postgres, String sql) throws Exception {
        try (Connection c = postgres.server().admin(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    private static void execute(PostgresProcess postgres, String... statements) throws Exception {
        try (Connection c = postgres.server().admin(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
