package io.kamplatform.bench.reliability;

import io.kamplatform.bench.platform.PlatformRun;

import java.io.PrintStream;

/**
 * Kills one component with SIGKILL and measures how long until it is back: a new process that the launcher
 * reports ready. A killed launcher is started again by the harness, as a user would after a crash; the new launcher
 * must clean up what the dead one left running.
 */
final class FaultInjector {

    private final PlatformRun platform;
    private final Fault fault;
    private final PrintStream out;
    private volatile long killedAt;
    private volatile double recoverySeconds = -1;
    private volatile Thread recovery;

    FaultInjector(PlatformRun platform, Fault fault, PrintStream out) {
        this.platform = platform;
        this.fault = fault;
        this.out = out;
    }

    /** Runs when the load reached its threshold. */
    void strike(int acknowledged) {
        if (fault == Fault.NONE) {
            return;
        }
        recovery = Thread.currentThread();
        long pid = platform.pid(fault.process());
        out.printf("    %,d events acknowledged: kill -9 %s (pid %d)%n", acknowledged, fault.process(), pid);
        killedAt = System.nanoTime();
        platform.kill(fault.process());
        try {
            if (fault == Fault.LAUNCHER) {
                Thread.sleep(2000);
                out.println("    starting the launcher again");
                platform.start();
            } else {
                while (platform.pid(fault.process()) == pid || !platform.ready(fault.process())) {
                    Thread.sleep(200);
                }
            }
            recoverySeconds = (System.nanoTime() - killedAt) / 1e9;
            out.printf("    %s back after %.1f s (pid %d)%n", fault.process(), recoverySeconds, platform.pid(fault.process()));
        } catch (Exception e) {
            out.println("    recovery of " + fault.process() + " failed: " + e);
        }
    }

    /** Waits for the recovery started by {@link #strike} (the load may finish first). */
    void awaitRecovery(long deadlineNanos) throws InterruptedException {
        while (fault != Fault.NONE && (recovery == null || recovery.isAlive()) && System.nanoTime() < deadlineNanos) {
            Thread.sleep(200);
        }
    }

    double recoverySeconds() {
        return recoverySeconds;
    }
}
