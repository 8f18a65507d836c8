package io.kamplatform.local;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Runs one {@link ManagedProcess} and restarts it whenever it exits without being asked to (kill -9, crash, out of
 * memory), after a {@link Backoff} delay, waiting for it to be ready again. Every change lands in the
 * {@link RunState} file, so a harness always finds the current pid there.
 */
final class Supervisor {

    private final ManagedProcess child;
    private final RunState state;
    private final PrintStream out;
    private final Backoff backoff;
    private final Duration readyTimeout;
    private Process process;
    private long readySince;
    private boolean ready;
    private int restarts;
    private boolean stopping;
    private Thread watcher;

    Supervisor(ManagedProcess child, RunState state, PrintStream out, Backoff backoff, Duration readyTimeout) {
        this.child = child;
        this.state = state;
        this.out = out;
        this.backoff = backoff.copy();
        this.readyTimeout = readyTimeout;
    }

    String name() {
        return child.name();
    }

    /** Starts the process without waiting for it (several start in parallel, then {@link #awaitFirstReady()}). */
    synchronized void spawn() throws IOException {
        process = child.start(false);
        state.started(name(), process.toHandle());
    }

    /**
     * Waits for the first readiness, retrying as the child allows, then supervises. A process that never gets ready
     * is a configuration or build problem that a restart loop would only hide: this throws with the details.
     */
    void awaitFirstReady() throws InterruptedException, IOException {
        for (int attempt = 1; ; attempt++) {
            Process current = current();
            if (child.awaitReady(current, readyTimeout)) {
                break;
            }
            boolean exited = !current.isAlive();
            if (!exited || attempt >= child.firstStartAttempts() || isStopping()) {
                throw new StartFailure(name() + (exited ? " exited (code " + current.exitValue() + ")"
                        : " was not ready within " + readyTimeout.toSeconds() + " s") + detail());
            }
            Duration delay = backoff.next();
            out.printf("  %s exited during its start (code %d); trying again in %s (log: %s)%n", name(),
                    current.exitValue(), human(delay), child.log());
            Thread.sleep(delay.toMillis());
            synchronized (this) {
                if (stopping) {
                    throw new StartFailure(name() + " start interrupted");
                }
                process = child.start(true);
                state.started(name(), process.toHandle());
            }
        }
        backoff.reset();
        synchronized (this) {
            readySince = System.nanoTime();
            ready = true;
            state.ready(name());
            watcher = Thread.ofPlatform().daemon().name("kam-supervise-" + name()).start(this::supervise);
        }
    }

    synchronized ProcessHandle handle() {
        return process.toHandle();
    }

    /** Whether the current process answered its readiness check (false from its exit until a restart is ready). */
    synchronized boolean isReady() {
        return ready;
    }

    synchronized int restarts() {
        return restarts;
    }

    /** From now on an exit is expected: no restart. The process keeps running until {@link #stop()}. */
    void stopWatching() {
        synchronized (this) {
            stopping = true;
            if (watcher != null) {
                watcher.interrupt();
            }
        }
    }

    /** Stops supervising and stops the process (its own clean way, then killed). */
    void stop() {
        stopWatching();
        Process current = current();
        if (current != null && current.isAlive()) {
            child.stop(current);
        }
        state.stopped(name());
    }

    private void supervise() {
        try {
            while (true) {
                Process current = current();
                int code = current.waitFor();
                Duration uptime = Duration.ofNanos(System.nanoTime() - readySince);
                synchronized (this) {
                    if (stopping) {
                        return;
                    }
                    restarts++;
                    ready = false;
                    state.restarting(name(), restarts);
                }
                backoff.ranFor(uptime);
                out.printf("%n  ! %s (pid %d) exited unexpectedly (code %d) after %s%n", name(),
                        current.pid(), code, human(uptime));
                restartUntilReady();
            }
        } catch (InterruptedException stopped) {
            // stop() interrupts us
        }
    }

    private void restartUntilReady() throws InterruptedException {
        Duration delay = backoff.next();
        out.printf("  %s: restarting in %s%n", name(), human(delay));
        while (true) {
            Thread.sleep(delay.toMillis());
            long t = System.nanoTime();
            Process started;
            synchronized (this) {
                if (stopping) {
                    throw new InterruptedException();
                }
                try {
                    child.beforeRestart();
                    started = child.start(true);
                } catch (IOException | RuntimeException e) {
                    delay = backoff.next();
                    out.printf("  ! %s could not be started: %s; next attempt in %s%n", name(), e.getMessage(),
                            human(delay));
                    continue;
                }
                process = started;
                state.started(name(), started.toHandle());
            }
            if (child.awaitReady(started, readyTimeout)) {
                synchronized (this) {
                    readySince = System.nanoTime();
                    ready = true;
                    state.ready(name());
                }
                out.printf("  %s restarted: pid %d, ready in %.1f s%n", name(), started.pid(),
                        (System.nanoTime() - t) / 1e9);
                return;
            }
            if (isStopping()) {
                throw new InterruptedException();
            }
            String why = started.isAlive() ? "was not ready within " + readyTimeout.toSeconds() + " s"
                    : "exited during start (code " + started.exitValue() + ")";
            if (started.isAlive()) {
                child.stop(started);
            }
            delay = backoff.next();
            out.printf("  ! %s %s; next attempt in %s%s%n", name(), why, human(delay), detail());
        }
    }

    private String detail() {
        String detail = child.failureDetail();
        return detail.isBlank() ? "" : ". " + detail;
    }

    private synchronized Process current() {
        return process;
    }

    private synchronized boolean isStopping() {
        return stopping;
    }

    private static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 1) {
            return d.toMillis() + " ms";
        }
        return s < 120 ? s + " s" : (s / 60) + " min " + (s % 60) + " s";
    }

    /** A process that did not come up the first time: the launcher stops everything and says why. */
    static final class StartFailure extends RuntimeException {
        StartFailure(String message) {
            super(message);
        }
    }
}
