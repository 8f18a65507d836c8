package io.kamplatform.local;

import java.io.IOException;
import java.time.Duration;

/** A process the launcher runs, watches and runs again after it died: PostgreSQL, Kafka or a service. */
interface ManagedProcess {

    /** Also its key in the run-state file: {@code postgres}, {@code kafka}, {@code account-service}, ... */
    String name();

    /** Where its output goes. */
    java.nio.file.Path log();

    /** Starts it; {@code restart} is true after an unexpected exit (logs are then appended, not overwritten). */
    Process start(boolean restart) throws IOException;

    /** Waits until it serves; false on timeout or when it exits first. */
    boolean awaitReady(Process process, Duration timeout) throws InterruptedException;

    /** Stops it cleanly, killing it if it does not stop in time. */
    void stop(Process process);

    /** How many times the first start may be tried: more than once where a leftover may briefly be in the way. */
    default int firstStartAttempts() {
        return 1;
    }

    /** Runs before a restart, e.g. to forget what the dead process left behind elsewhere. */
    default void beforeRestart() {
    }

    /** What explains a failed start, e.g. the end of its log. */
    default String failureDetail() {
        return "";
    }
}
