package io.kamplatform.reporting.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A portfolio report takes what was read at most max-age before it asked, reads again in the background once the read
 * is older than half of that, and waits only past the bound: each read here is a future the test completes by hand, and
 * the clock moves by hand.
 */
class RecentReadTest {

    private static final Duration MAX_AGE = Duration.ofSeconds(1);

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<CompletableFuture<String>> reads = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private RecentRead<String> recent(Duration maxAge) {
        return new RecentRead<>("test", () -> {
            CompletableFuture<String> read = new CompletableFuture<>();
            reads.add(read);
            return Uni.createFrom().completionStage(read);
        }, maxAge, registry, nanos::get);
    }

    @Test
    void withinTheBoundTheLastReadIsTakenAndReadAgainInTheBackgroundAfterHalfOfIt() {
        RecentRead<String> states = recent(MAX_AGE);
        CompletableFuture<String> first = ask(states);
        assertThat(reads).as("nothing read yet: the first caller waits for a read").hasSize(1);
        reads.get(0).complete("v1");
        assertThat(first).isCompletedWithValue("v1");

        later(400);
        assertThat(ask(states)).as("younger than half the bound: taken, nothing read").isCompletedWithValue("v1");
        assertThat(reads).hasSize(1);

        later(200); // 600 ms old
        assertThat(ask(states)).as("older than half: still taken at once").isCompletedWithValue("v1");
        assertThat(reads).as("and read again in the background").hasSize(2);
        assertThat(ask(states)).as("a read ahead in flight is not started twice").isCompletedWithValue("v1");
        assertThat(reads).hasSize(2);

        reads.get(1).complete("v2");
        later(300); // v1 would be 900 ms old, v2 is 300 ms
        assertThat(ask(states)).as("the read ahead is taken once it is in").isCompletedWithValue("v2");
        assertThat(reads).hasSize(2);
        assertThat(count("recent")).isEqualTo(4);
        assertThat(count("waited")).isEqualTo(1);
    }

    @Test
    void pastTheBoundACallerWaitsForANewReadAndThoseAfterItShareIt() {
        RecentRead<String> states = readOnce("v1");

        later(1_001);
        CompletableFuture<String> waiting = ask(states);
        assertThat(waiting).as("older than the bound: not taken").isNotDone();
        assertThat(reads).hasSize(2);
        later(10);
        CompletableFuture<String> sharing = ask(states);
        assertThat(reads).as("a read in flight that started within the bound is shared").hasSize(2);

        reads.get(1).complete("v2");
        assertThat(waiting).isCompletedWithValue("v2");
        assertThat(sharing).isCompletedWithValue("v2");
    }

    @Test
    void aReadInFlightThatStartedBeforeTheBoundIsNotWaitedFor() {
        RecentRead<String> states = recent(MAX_AGE);
        CompletableFuture<String> first = ask(states); // a read that takes longer than the bound
        later(1_500);
        CompletableFuture<String> second = ask(states);
        assertThat(reads).as("a read of its own").hasSize(2);

        reads.get(1).complete("new");
        assertThat(second).isCompletedWithValue("new");
        reads.get(0).complete("old"); // finishes last but started first
        assertThat(first).isCompletedWithValue("old");
        assertThat(ask(states)).as("the later-started read's value stays").isCompletedWithValue("new");
    }

    @Test
    void zeroMakesEveryCallerWaitForAReadOfItsOwn() {
        RecentRead<String> states = recent(Duration.ZERO);
        CompletableFuture<String> first = ask(states);
        CompletableFuture<String> second = ask(states);
        assertThat(reads).hasSize(2);
        reads.get(0).complete("a");
        reads.get(1).complete("b");
        assertThat(first).isCompletedWithValue("a");
        assertThat(second).isCompletedWithValue("b");
        assertThat(count("waited")).isEqualTo(2);
    }

    @Test
    void aFailedReadFailsItsWaitersAndLeavesTheLastGoodOneWithinTheBound() {
        RecentRead<String> states = readOnce("v1");
        later(600);
        ask(states); // reads ahead
        reads.get(1).completeExceptionally(new IllegalStateException("database gone"));
        later(100);
        assertThat(ask(states)).as("still within the bound").isCompletedWithValue("v1");
        assertThat(reads).as("and read ahead again").hasSize(3);

        later(1_001); // past the bound, and past the read ahead's start too
        CompletableFuture<String> waiting = ask(states);
        reads.get(3).completeExceptionally(new IllegalStateException("database gone"));
        assertThat(waiting).isCompletedExceptionally();
    }

    @Test
    void theBoundsHoldToTheNanosecond() {
        RecentRead<String> states = readOnce("v1");
        nanos.addAndGet(MAX_AGE.toNanos() / 2);
        assertThat(ask(states)).isCompletedWithValue("v1");
        assertThat(reads).as("exactly half the bound: no read ahead yet").hasSize(1);
        nanos.addAndGet(MAX_AGE.toNanos() / 2);
        assertThat(ask(states)).as("exactly the bound: still taken").isCompletedWithValue("v1");
        assertThat(reads).as("and read ahead").hasSize(2);
        reads.get(1).completeExceptionally(new IllegalStateException("gone"));
        nanos.incrementAndGet();
        assertThat(ask(states)).as("a nanosecond past it: waits").isNotDone();
    }

    @Test
    void aCallerThatGoesAwayDoesNotCancelTheReadOthersWaitFor() {
        RecentRead<String> states = recent(MAX_AGE);
        CompletableFuture<String> leaving = ask(states);
        CompletableFuture<String> staying = ask(states);
        assertThat(reads).hasSize(1);
        leaving.cancel(false);
        CompletableFuture<String> coming = ask(states);
        assertThat(reads).as("the read in flight is still shared").hasSize(1);
        reads.get(0).complete("v1");
        assertThat(staying).isCompletedWithValue("v1");
        assertThat(coming).isCompletedWithValue("v1");
    }

    @Test
    void aReadThatThrowsFailsItsWaitersAndLeavesNothingInFlight() {
        AtomicLong calls = new AtomicLong();
        RecentRead<String> states = new RecentRead<>("test", () -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("no connection");
            }
            return Uni.createFrom().item("v" + calls.get());
        }, MAX_AGE, registry, nanos::get);
        assertThat(ask(states)).isCompletedExceptionally();
        assertThat(ask(states)).as("the next caller reads again").isCompletedWithValue("v2");
    }

    @Test
    void afterForgetTheNextCallerWaitsAndAReadBegunBeforeKeepsNoValue() {
        RecentRead<String> states = readOnce("old tables");
        later(600);
        ask(states); // a read ahead, begun before the switch
        states.forget();
        CompletableFuture<String> next = ask(states);
        assertThat(next).as("nothing taken after forget").isNotDone();
        assertThat(reads).hasSize(3);
        reads.get(1).complete("old tables, read before");
        assertThat(next).isNotDone();
        CompletableFuture<String> after = ask(states);
        assertThat(after).as("the read begun before forget is not taken").isNotDone();
        reads.get(2).complete("new tables");
        assertThat(next).isCompletedWithValue("new tables");
        assertThat(after).isCompletedWithValue("new tables");
        later(100);
        assertThat(ask(states)).isCompletedWithValue("new tables");
    }

    @Test
    void failedReadsAreCountedReadAheadsTooAndLoggedOncePerRunOfFailuresAtMostOnceAMinute() {
        List<LogRecord> logged = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(RecentRead.class.getName());
        logger.addHandler(handler);
        try {
            RecentRead<String> states = readOnce("v1");
            later(600);
            ask(states);
            reads.get(1).completeExceptionally(new IllegalStateException("database gone"));
            assertThat(failedReads()).as("a read ahead nobody waits for is counted").isEqualTo(1);
            ask(states);
            reads.get(2).completeExceptionally(new IllegalStateException("database gone"));
            assertThat(failedReads()).isEqualTo(2);
            assertThat(messages(logged, Level.WARNING)).as("the first failure of a run is logged, not every one")
                    .hasSize(1).allMatch(m -> m.contains("test read"));
            ask(states);
            reads.get(3).complete("v2");
            assertThat(messages(logged, Level.INFO)).as("the read that ends the run says how many failed")
                    .containsExactly("The test read for the portfolio reports succeeded again after 2 failed");
            later(600);
            ask(states);
            reads.get(4).completeExceptionally(new IllegalStateException("gone again"));
            assertThat(messages(logged, Level.WARNING)).as("not a new run within a minute of the last logged")
                    .hasSize(1);
            assertThat(failedReads()).as("but counted").isEqualTo(3);
            ask(states);
            reads.get(5).complete("v3");
            assertThat(messages(logged, Level.INFO)).as("nor its end").hasSize(1);
            later(60_000);
            ask(states);
            reads.get(6).completeExceptionally(new IllegalStateException("gone for good"));
            assertThat(messages(logged, Level.WARNING)).as("a run a minute later is logged again").hasSize(2);
        } finally {
            logger.removeHandler(handler);
        }
    }

    @Test
    void withoutABoundAReadThatThrowsIsCountedToo() {
        RecentRead<String> states = new RecentRead<>("test", () -> {
            throw new IllegalStateException("no connection");
        }, Duration.ZERO, registry, nanos::get);
        assertThat(ask(states)).isCompletedExceptionally();
        assertThat(failedReads()).isEqualTo(1);
    }

    @Test
    void withoutABoundAFailedReadIsCountedToo() {
        RecentRead<String> states = recent(Duration.ZERO);
        CompletableFuture<String> waiting = ask(states);
        reads.get(0).completeExceptionally(new IllegalStateException("database gone"));
        assertThat(waiting).isCompletedExceptionally();
        assertThat(failedReads()).isEqualTo(1);
    }

    @Test
    void aNegativeBoundIsRefused() {
        assertThatThrownBy(() -> recent(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    /** A RecentRead of MAX_AGE whose first read (at the clock's start) gave {@code value}. */
    private RecentRead<String> readOnce(String value) {
        RecentRead<String> states = recent(MAX_AGE);
        ask(states);
        reads.get(0).complete(value);
        return states;
    }

    private double failedReads() {
        return registry.get("kam.read-models.recent-reads.failed").tag("read", "test").counter().count();
    }

    private static List<String> messages(List<LogRecord> logged, Level level) {
        return logged.stream().filter(r -> r.getLevel().equals(level))
                .map(r -> r.getParameters() == null ? r.getMessage() : String.format(r.getMessage(), r.getParameters()))
                .toList();
    }

    private CompletableFuture<String> ask(RecentRead<String> states) {
        return states.get().subscribeAsCompletionStage();
    }

    private void later(long millis) {
        nanos.addAndGet(millis * 1_000_000L);
    }

    private double count(String answered) {
        return registry.counter("kam.read-models.recent-reads", "read", "test", "answered", answered).count();
    }
}
