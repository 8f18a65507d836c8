package io.kamplatform.local;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Stopping processes politely, then firmly. Works on any process this user may signal, child or not. */
final class Signals {

    private Signals() {
    }

    /**
     * SIGTERM (a JVM runs its shutdown hooks, Quarkus and Kafka stop cleanly), then SIGKILL after {@code grace}.
     * Returns whether it had to kill.
     */
    static boolean terminate(ProcessHandle process, Duration grace) {
        process.destroy();
        return awaitOrKill(process, grace);
    }

    /**
     * SIGINT: PostgreSQL's "fast shutdown" (SIGTERM would be "smart shutdown", which waits for every client). The
     * JDK only sends SIGTERM and SIGKILL, so this runs {@code kill -INT}, which also works as root, unlike
     * {@code pg_ctl}. Then SIGKILL after {@code grace}. Returns whether it had to kill.
     */
    static boolean interrupt(ProcessHandle process, Duration grace) {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                process.destroy();
            }
        } catch (IOException e) {
            process.destroy(); // no kill(1) on the PATH: smart shutdown is still a clean one
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return awaitOrKill(process, grace);
    }

    private static boolean awaitOrKill(ProcessHandle process, Duration grace) {
        if (await(process, grace)) {
            return false;
        }
        process.destroyForcibly();
        await(process, Duration.ofSeconds(5));
        return true;
    }

    /** Whether the process ended within {@code timeout}. */
    static boolean await(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return !process.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
