package io.kamplatform.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The relays' run loop: one run at a time, while something is published; no wake-up lost. */
class DrainLoopTest {

    /** A batch step the test completes by hand, counting how many runs are open at once. */
    static final class Steps {
        final Deque<UniEmitter<? super Integer>> open = new ArrayDeque<>();
        final AtomicInteger started = new AtomicInteger();
        int maxConcurrent;

        Uni<Integer> step() {
            return Uni.createFrom().emitter(e -> {
                started.incrementAndGet();
                open.add(e);
                maxConcurrent = Math.max(maxConcurrent, open.size());
            });
        }

        void complete(int published) {
            open.poll().complete(published);
        }
    }

    @Test
    void runsAgainWhilePublishingAndStopsWhenNothingIsLeft() {
        Steps steps = new Steps();
        DrainLoop loop = new DrainLoop("test", steps::step);
        loop.wakeUp();
        steps.complete(5);
        steps.complete(3);
        steps.complete(0);
        assertThat(steps.started).hasValue(3);
        assertThat(steps.open).isEmpty();
    }

    @Test
    void wakeUpsDuringARunAreFoldedIntoOneMoreRunNeverBesideIt() {
        Steps steps = new Steps();
        DrainLoop loop = new DrainLoop("test", steps::step);
        loop.wakeUp();
        loop.wakeUp();
        loop.wakeUp();
        assertThat(steps.started).as("one run at a time").hasValue(1);
        steps.complete(0); // published nothing, but a wake-up came meanwhile: one more run
        assertThat(steps.started).hasValue(2);
        steps.complete(0);
        assertThat(steps.started).hasValue(2);
        assertThat(steps.maxConcurrent).isEqualTo(1);
    }

    @Test
    void aFailedStepEndsTheRunAndTheNextWakeUpStartsAgain() {
        Steps steps = new Steps();
        DrainLoop loop = new DrainLoop("test", steps::step);
        loop.wakeUp();
        steps.open.poll().fail(new IllegalStateException("broker down"));
        assertThat(steps.open).isEmpty();
        loop.wakeUp();
        assertThat(steps.started).hasValue(2);
        steps.complete(0);
        assertThat(steps.open).isEmpty();
    }
}
