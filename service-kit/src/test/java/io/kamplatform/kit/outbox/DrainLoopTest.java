package io.kamplatform.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The relays' run loop: one run at a time, while something is published; no wake-up lost; under load, steps a wake-up
 * asked for are spaced so commits arriving one by one are published together.
 */
class DrainLoopTest {

    /** A batch step the test completes by hand, counting how many runs are open at once. */
    static final class Steps {
        // A spaced step starts on Mutiny's timer thread: counted only once it can be completed.
        final Deque<UniEmitter<? super Integer>> open = new ConcurrentLinkedDeque<>();
        final AtomicInteger started = new AtomicInteger();
        volatile int maxConcurrent;

        Uni<Integer> step() {
            return Uni.createFrom().emitter(e -> {
                open.add(e);
                maxConcurrent = Math.max(maxConcurrent, open.size());
                started.incrementAndGet();
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

    @Test
    void aStepShortOfAFullBatchEndsTheRunWhenNoWakeUpCameMeanwhile() {
        Steps steps = new Steps();
        DrainLoop loop = new DrainLoop("test", steps::step, 5, Duration.ZERO);
        loop.wakeUp();
        steps.complete(5); // a full batch: more may be waiting
        assertThat(steps.started).hasValue(2);
        steps.complete(3); // took all it could see
        assertThat(steps.started).hasValue(2);
        assertThat(steps.open).isEmpty();
        loop.wakeUp();
        assertThat(steps.started).as("the next wake-up starts again").hasValue(3);
    }

    @Test
    void aWakeUpDuringOrSoonAfterAStepThatPublishedRunsTheNextStepNoSoonerThanTheSpacing() throws InterruptedException {
        Steps steps = new Steps();
        DrainLoop loop = new DrainLoop("test", steps::step, 5, Duration.ofMillis(300));
        long start = System.nanoTime();
        loop.wakeUp();
        steps.complete(1);
        loop.wakeUp(); // a commit just after a step that published: gathered, not run at once
        assertThat(steps.started).as("not at once").hasValue(1);
        awaitStarted(steps, 2, start);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        loop.wakeUp(); // during the step: folded into one more, spaced
        steps.complete(0);
        assertThat(steps.started).hasValue(2);
        awaitStarted(steps, 3, start);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        steps.complete(0); // nothing published, nothing asked for: the run ends
        assertThat(steps.open).isEmpty();
        loop.wakeUp();
        assertThat(steps.started).as("after a step that published nothing, at once").hasValue(4);
        steps.complete(0);
        assertThat(steps.maxConcurrent).as("one at a time").isEqualTo(1);
    }

    @Test
    void aStepThatPublishedWithNoWakeUpAfterItEndsTheRunOnceTheSpacingIsOver() throws InterruptedException {
        Steps steps = new Steps();
        DrainLoop loop = new DrainLoop("test", steps::step, 5, Duration.ofMillis(100));
        long start = System.nanoTime();
        loop.wakeUp();
        steps.complete(2);
        Thread.sleep(400);
        assertThat(steps.started).hasValue(1);
        loop.wakeUp();
        assertThat(steps.started).as("the run had ended: at once").hasValue(2);
        steps.complete(0);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void aFullBatchOrAFirstWakeUpRunsAtOnceWhateverTheSpacing() {
        Steps steps = new Steps();
        DrainLoop loop = new DrainLoop("test", steps::step, 5, Duration.ofSeconds(30));
        loop.wakeUp();
        assertThat(steps.started).as("the first wake-up after a quiet spell").hasValue(1);
        steps.complete(5);
        assertThat(steps.started).as("a backlog").hasValue(2);
        steps.complete(0);
        assertThat(steps.open).isEmpty();
        loop.wakeUp();
        assertThat(steps.started).hasValue(3);
        steps.complete(0);
    }

    private static void awaitStarted(Steps steps, int count, long since) throws InterruptedException {
        while (steps.started.get() < count && System.nanoTime() - since < 5_000_000_000L) {
            Thread.sleep(5);
        }
        assertThat(steps.started).hasValue(count);
    }
}
