package io.kamplatform.kit.outbox;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs a relay's batch step again and again while there is more to publish, one run at a time: a wake-up that
 * arrives during a run is folded into one more run, never lost, never run beside it. A failed step ends the run
 * (logged); the next wake-up (the relay's poll timer) starts again.
 *
 * <p>A step that publishes a full batch may have left more behind and runs again at once. One that published less
 * took everything it could see: the loop then waits until {@code spacing} after that step's start and runs again
 * only if a wake-up came by then. Commits arriving one by one under load are so gathered into one step instead of a
 * step (a transaction and a Kafka round trip) each, and wait at most {@code spacing} longer. A wake-up after a step
 * that published nothing (a quiet spell) runs at once.
 */
public final class DrainLoop {

    private static final Logger LOG = Logger.getLogger(DrainLoop.class);

    private final String name;
    private final Supplier<Uni<Integer>> batch;
    private final int fullBatch;
    private final long spacingNanos;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();
    private volatile long stepStarted;

    /** Runs again after every step that published something, and at once for a wake-up that came during a step. */
    public DrainLoop(String name, Supplier<Uni<Integer>> batch) {
        this(name, batch, 1, Duration.ZERO);
    }

    /**
     * {@code batch}: publishes up to one batch and answers how many it published; {@code fullBatch}: a step that
     * published this many runs again at once; {@code spacing}: the least time between the starts of two steps that a
     * wake-up asked for.
     */
    public DrainLoop(String name, Supplier<Uni<Integer>> batch, int fullBatch, Duration spacing) {
        if (fullBatch < 1 || spacing.isNegative()) {
            throw new IllegalArgumentException("fullBatch must be 1 or more and spacing not negative");
        }
        this.name = name;
        this.batch = batch;
        this.fullBatch = fullBatch;
        this.spacingNanos = spacing.toNanos();
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
        stepStarted = System.nanoTime();
        batch.get().subscribe().with(count -> {
            if (count >= fullBatch) {
                drain();
            } else if (count > 0 || requested.get()) {
                afterSpacing();
            } else {
                finish();
            }
        }, this::failed);
    }

    /** Still running (wake-ups only mark a request) until {@code spacing} after the last step's start. */
    private void afterSpacing() {
        long wait = spacingNanos - (System.nanoTime() - stepStarted);
        if (wait <= 0) {
            drainIfRequested();
            return;
        }
        Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofNanos(wait)).subscribe().with(
                ignored -> drainIfRequested(), this::failed);
    }

    private void drainIfRequested() {
        if (requested.get()) {
            drain();
        } else {
            finish();
        }
    }

    private void failed(Throwable failure) {
        LOG.warnf("%s failed, will retry: %s", name, failure.getMessage());
        finish();
    }

    private void finish() {
        running.set(false);
        // A wake-up that arrived between the last run and the flag reset must not be lost.
        if (requested.get() && running.compareAndSet(false, true)) {
            drain();
        }
    }
}
