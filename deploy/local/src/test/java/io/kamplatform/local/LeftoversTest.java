package io.kamplatform.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeftoversTest {

    @Test
    void stopsWhatACrashedLauncherLeftAndNothingElse(@TempDir Path dir) throws Exception {
        Path home = dir.resolve("home");
        Path otherHome = dir.resolve("other-home");
        java.nio.file.Files.createDirectories(home);
        java.nio.file.Files.createDirectories(otherHome);
        Process recorded = FakeService.process("account-service", home, Ports.free()).start(false);
        Process unrecorded = FakeService.process("kafka", home, Ports.free()).start(false); // died before recording
        Process otherPlatform = FakeService.process("account-service", otherHome, Ports.free()).start(false);
        Process stranger = new ProcessBuilder("sleep", "60").start();
        try {
            Process exited = new ProcessBuilder("true").start();
            exited.waitFor();
            Properties left = new Properties();
            left.setProperty("launcher.pid", Long.toString(exited.pid()));
            left.setProperty("launcher.started", Instant.now().minusSeconds(60).toString());
            put(left, "account-service", recorded.toHandle(), recorded.toHandle().info().startInstant().orElseThrow());
            // A pid that now names some other program (same pid, other start instant) must be spared.
            put(left, "relationship-service", stranger.toHandle(), Instant.parse("2020-01-01T00:00:00Z"));

            List<String> stopped = new Leftovers(home, home.resolve("postgres")).stop(left);

            assertTrue(Signals.await(recorded.toHandle(), Duration.ofSeconds(5)));
            assertTrue(Signals.await(unrecorded.toHandle(), Duration.ofSeconds(5)));
            assertEquals(List.of("account-service (pid " + recorded.pid() + ")", "kafka (pid " + unrecorded.pid() + ")"),
                    stopped);
            assertTrue(otherPlatform.isAlive(), "another home's process is not ours");
            assertTrue(stranger.isAlive(), "an untagged process is not ours");
        } finally {
            List.of(recorded, unrecorded, otherPlatform, stranger).forEach(Process::destroyForcibly);
        }
    }

    @Test
    void nothingLeftMeansNothingStopped(@TempDir Path home) {
        assertTrue(new Leftovers(home, home.resolve("postgres")).stop(new Properties()).isEmpty());
        assertFalse(new Leftovers(home, home.resolve("postgres")).find(new Properties()).size() > 0);
    }

    private static void put(Properties p, String name, ProcessHandle process, Instant started) {
        p.setProperty(name + ".pid", Long.toString(process.pid()));
        p.setProperty(name + ".started", started.toString());
    }
}
