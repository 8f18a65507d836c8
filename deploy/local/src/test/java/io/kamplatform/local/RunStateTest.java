package io.kamplatform.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStateTest {

    @Test
    void aSecondLauncherOnTheSameHomeIsRefusedWithThePidOfTheFirst(@TempDir Path home) {
        try (RunState first = RunState.acquire(home)) {
            RunState.AlreadyRunning refused = assertThrows(RunState.AlreadyRunning.class, () -> RunState.acquire(home));
            assertTrue(refused.getMessage().contains("launcher pid " + ProcessHandle.current().pid()),
                    refused.getMessage());
        }
        RunState.acquire(home).close(); // free again once the first stopped
    }

    @Test
    void theNextLauncherSeesWhatACrashedOneRecorded(@TempDir Path home) throws Exception {
        RunState crashed = RunState.acquire(home);
        crashed.started("kafka", ProcessHandle.current());
        crashed.ready("kafka");
        Path file = crashed.file();
        String left = Files.readString(file);
        crashed.close(); // a clean stop removes the file; put it back as a kill -9 would have left it
        Files.writeString(file, left);

        try (RunState next = RunState.acquire(home)) {
            var recorded = RunState.recorded(next.previous());
            assertEquals(1, recorded.size());
            ProcessRecord kafka = recorded.get(0);
            assertEquals("kafka", kafka.name());
            assertEquals(ProcessHandle.current().pid(), kafka.pid());
            assertTrue(kafka.ifStillRunning().isPresent(), "same pid and start instant: the very process");
            ProcessRecord reused = new ProcessRecord("kafka", kafka.pid(), kafka.started().minusSeconds(60));
            assertFalse(reused.ifStillRunning().isPresent(), "same pid, other start: not ours");
        }
    }
}
