package io.kamplatform.kit.outbox;

import io.smallrye.mutiny.Uni;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs a relay's batch step again and again while it publishes something, one run at a time: a wake-up that arrives
 * during a run is folded into one more run, never lost, never run beside it. A failed step ends the run (logged); the
 * next wake-up (the relay's poll timer) starts again.
 */
public final class DrainLoop {

    private static final Logger LOG = Logger.getLogger(DrainLoop.class);

    private final String name;
    private final Supplier<Uni<Integer>> batch;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();

    /** {@code batch}: publishes up to one batch and answers how many it published. */
    public DrainLoop(String name, Supplier<Uni<Integer>> batch) {
        this.name = name;
        this.batch = batch;
    }

    /** Asks for a run; runs that overlap are folded into one more. */
    public void wakeUp() {
        requested.set(true);
        if (running.compareAndSet(false, true)) {
            drain();
        }
    }

    private void drain() {
        requested.set(false);
        batch.get().subscribe().with(count -> {
            if (count > 0 || requested.get()) {
                drain();
            } else {
                finish();
            }
        }, failure -> {
            LOG.warnf("%s failed, will retry: %s", name, failure.getMessage());
            finish();
        });
    }

    private void finish() {
        running.set(false);
        // A wake-up that arrived between the last run and the flag reset must not be lost.
        if (requested.get() && running.compareAndSet(false, true)) {
            drain();
        }
    }
}
