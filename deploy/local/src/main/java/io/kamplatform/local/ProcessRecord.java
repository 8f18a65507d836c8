package io.kamplatform.local;

import java.time.Instant;
import java.util.Optional;

/**
 * A process as the run-state file remembers it. The start instant guards against pid reuse: a pid alone may name
 * some other program after a reboot or a long time, a pid with the same start instant cannot.
 */
record ProcessRecord(String name, long pid, Instant started) {

    static ProcessRecord of(String name, ProcessHandle process) {
        return new ProcessRecord(name, process.pid(), process.info().startInstant().orElse(Instant.EPOCH));
    }

    /** The process, if it still runs and is the very one that was recorded. */
    Optional<ProcessHandle> ifStillRunning() {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().startInstant().map(started::equals).orElse(false));
    }
}
