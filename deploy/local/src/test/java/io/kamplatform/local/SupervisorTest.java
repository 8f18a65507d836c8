package io.kamplatform.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupervisorTest {

    private static final Backoff QUICK = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofMinutes(1));

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);

    @Test
    void restartsAKilledServiceAndRecordsItsNewPid(@TempDir Path home) throws Exception {
        try (RunState state = RunState.acquire(home)) {
            Supervisor supervisor = new Supervisor(FakeService.process("account-service", home, Ports.free()), state,
                    out, QUICK, Duration.ofSeconds(30));
            supervisor.spawn();
            supervisor.awaitFirstReady();
            ProcessHandle first = supervisor.handle();
            assertEquals(Long.toString(first.pid()), read(state).getProperty("account-service.pid"));
            assertEquals("true", read(state).getProperty("account-service.ready"));

            first.destroyForcibly(); // kill -9
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!restartedAndReady(state, first) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            ProcessHandle second = supervisor.handle();
            assertNotEquals(first.pid(), second.pid());
            assertTrue(second.isAlive());
            Properties recorded = read(state);
            assertEquals(Long.toString(second.pid()), recorded.getProperty("account-service.pid"));
            assertEquals("true", recorded.getProperty("account-service.ready"));
            assertEquals("1", recorded.getProperty("account-service.restarts"));
            assertTrue(console.toString(StandardCharsets.UTF_8).contains("account-service (pid " + first.pid()
                    + ") exited unexpectedly"), console.toString(StandardCharsets.UTF_8));

            supervisor.stop();
            assertTrue(Signals.await(second, Duration.ofSeconds(5)));
            assertFalse(read(state).containsKey("account-service.pid"), "a stopped process leaves the file");
            Thread.sleep(500);
            assertFalse(supervisor.handle().isAlive(), "no restart after a stop");
        }
        assertFalse(Files.exists(home.resolve("run").resolve(RunState.FILE)), "a clean stop leaves no run state");
    }

    @Test
    void aServiceThatCannotStartFailsTheLaunchWithItsLog(@TempDir Path home) throws Exception {
        try (RunState state = RunState.acquire(home)) {
            Supervisor supervisor = new Supervisor(FakeService.process("reporting-service", home, Ports.free(), "crash"),
                    state, out, QUICK, Duration.ofSeconds(30));
            supervisor.spawn();
            Supervisor.StartFailure failure = assertThrows(Supervisor.StartFailure.class, supervisor::awaitFirstReady);
            assertTrue(failure.getMessage().contains("reporting-service exited (code 3)"), failure.getMessage());
            assertTrue(failure.getMessage().contains("crashing as asked"), failure.getMessage());
            supervisor.stop();
        }
    }

    private static boolean restartedAndReady(RunState state, ProcessHandle first) throws Exception {
        Properties p = read(state);
        return "true".equals(p.getProperty("account-service.ready"))
                && !Long.toString(first.pid()).equals(p.getProperty("account-service.pid"));
    }

    static Properties read(RunState state) throws Exception {
        Properties p = new Properties();
        if (Files.exists(state.file())) {
            try (var in = Files.newBufferedReader(state.file())) {
                p.load(in);
            }
        }
        return p;
    }
}
