package io.kamplatform.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A channel's polls through {@link PollPipeline}: the next poll is read while the previous one is stored, stores run
 * one at a time in poll order, a channel gets its next poll only once the one before is stored, and a failed store
 * negatively acknowledges its own poll without stopping the ones after it.
 */
class PollPipelineTest {

    static final Duration WAIT = Duration.ofSeconds(5);

    /** What the pipeline did, in order, with the stores completed by the test. */
    final List<String> log = new CopyOnWriteArrayList<>();
    final Map<String, CompletableFuture<Void>> stores = new LinkedHashMap<>();
    final List<String> nacked = new ArrayList<>();

    final PollPipeline<String, String> pipeline = new PollPipeline<>(
            poll -> {
                log.add("read " + poll);
                return poll + "'";
            },
            read -> {
                log.add("store " + read);
                CompletableFuture<Void> store = new CompletableFuture<>();
                synchronized (stores) {
                    stores.put(read, store);
                }
                return Uni.createFrom().completionStage(store);
            },
            (poll, failure) -> {
                nacked.add(poll + ": " + failure.getMessage());
                return Uni.createFrom().voidItem();
            });

    @Test
    void theNextPollIsReadWhileThePreviousOneIsStored() {
        CompletableFuture<Void> first = pipeline.next("p1").subscribeAsCompletionStage().toCompletableFuture();
        assertThat(first).as("nothing was being stored before p1: the channel may go on at once").isDone();
        CompletableFuture<Void> second = pipeline.next("p2").subscribeAsCompletionStage().toCompletableFuture();

        assertThat(log).as("p2 read while p1 is stored, its store queued").containsExactly("read p1", "store p1'", "read p2");
        assertThat(second).as("the channel waits for p1's store before handing over p3").isNotDone();

        store("p1'").complete(null);
        assertThat(second).succeedsWithin(WAIT);
        assertThat(log).containsExactly("read p1", "store p1'", "read p2", "store p2'");

        CompletableFuture<Void> third = pipeline.next("p3").subscribeAsCompletionStage().toCompletableFuture();
        assertThat(log).as("one store at a time: p3 waits for p2").endsWith("read p3");
        assertThat(third).isNotDone();
        store("p2'").complete(null);
        assertThat(third).succeedsWithin(WAIT);
        assertThat(log).endsWith("store p3'");
        assertThat(nacked).isEmpty();
    }

    @Test
    void aFailedStoreNegativelyAcknowledgesItsPollAndTheNextOneIsStored() {
        pipeline.next("p1").await().atMost(WAIT);
        CompletableFuture<Void> second = pipeline.next("p2").subscribeAsCompletionStage().toCompletableFuture();
        store("p1'").completeExceptionally(new IllegalStateException("ack refused"));

        assertThat(second).as("the channel goes on").succeedsWithin(WAIT);
        assertThat(nacked).containsExactly("p1: ack refused");
        assertThat(log).endsWith("store p2'");
        store("p2'").complete(null);
        assertThat(pipeline.next("p3").subscribeAsCompletionStage()).succeedsWithin(WAIT);
        assertThat(log).endsWith("store p3'");
    }

    @Test
    void aStoreThatThrowsIsAFailedStoreToo() {
        PollPipeline<String, String> throwing = new PollPipeline<>(poll -> poll, read -> {
            if (read.equals("p1")) {
                throw new IllegalArgumentException("bug");
            }
            log.add("store " + read);
            return Uni.createFrom().voidItem();
        }, (poll, failure) -> {
            nacked.add(poll + ": " + failure.getMessage());
            return Uni.createFrom().voidItem();
        });

        throwing.next("p1").await().atMost(WAIT);
        throwing.next("p2").await().atMost(WAIT);
        throwing.next("p3").await().atMost(WAIT);

        assertThat(nacked).containsExactly("p1: bug");
        assertThat(log).containsExactly("store p2", "store p3");
    }

    private CompletableFuture<Void> store(String read) {
        synchronized (stores) {
            return stores.get(read);
        }
    }
}
