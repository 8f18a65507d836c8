package io.kamplatform.bench.reliability;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

/**
 * Several CRM clients posting a portfolio chunk by chunk (account batches ahead of relationship batches), each retrying
 * until every item is acknowledged, showing progress as it goes. A hook runs once when a given number of events has
 * been acknowledged: that is when a fault strikes. Chunks are taken from an iterator, so a generator can build them
 * as they are needed instead of holding millions of events in memory.
 */
public final class LoadDriver {

    private final BatchClient client;
    private final Acknowledgements acknowledgements;
    private final int clients;
    private final LoadProgress progress;
    private final int relationshipLag;

    public LoadDriver(BatchClient client, Acknowledgements acknowledgements, int clients, LoadProgress progress) {
        this(client, acknowledgements, clients, progress, 1);
    }

    /**
     * @param relationshipLag how many of a client's account batches go out before the relationship batch of the same
     *                        chunk (1: right after the next chunk's account batch). A longer lag gives relationship-service
     *                        more time to learn the registrations from Kafka, so fewer relationship batches are refused
     *                        as unknown-account and posted again.
     */
    public LoadDriver(BatchClient client, Acknowledgements acknowledgements, int clients, LoadProgress progress,
                      int relationshipLag) {
        this.client = client;
        this.acknowledgements = acknowledgements;
        this.clients = clients;
        this.progress = progress;
        this.relationshipLag = Math.max(1, relationshipLag);
    }

    /** Posts every chunk; waits until all are acknowledged. */
    public void run(Iterator<Chunk> chunks, int total, long deadlineNanos) throws Exception {
        run(chunks, total, Integer.MAX_VALUE, n -> { }, deadlineNanos);
    }

    /** Posts everything; {@code atThreshold} runs once (on its own thread) when {@code threshold} events are acknowledged. */
    public void run(Iterator<Chunk> chunks, int total, int threshold, IntConsumer atThreshold, long deadlineNanos)
            throws Exception {
        int before = acknowledgements.size();
        AtomicBoolean fired = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
        long start = System.nanoTime();
        Future<?> watcher = pool.submit(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                int acked = acknowledgements.size() - before;
                if (!fired.get() && acked >= threshold && fired.compareAndSet(false, true)) {
                    Thread.ofPlatform().start(() -> atThreshold.accept(acked));
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                progress.update(acked, total, acked / Math.max(seconds, 0.001), client.attempts.get(),
                        client.failedAttempts.get());
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    // The relationship batch of a chunk goes out after the account batches of the next
                    // relationshipLag chunks: by then relationship-service has usually learnt the registrations.
                    java.util.ArrayDeque<Chunk> waiting = new java.util.ArrayDeque<>();
                    Chunk chunk;
                    while ((chunk = next(chunks)) != null) {
                        client.postUntilAcknowledged(Writer.ACCOUNT, chunk.accountItems(), deadlineNanos);
                        waiting.addLast(chunk);
                        if (waiting.size() > relationshipLag) {
                            client.postUntilAcknowledged(Writer.RELATIONSHIP, waiting.removeFirst().relationshipItems(),
                                    deadlineNanos);
                        }
                    }
                    while (!waiting.isEmpty()) {
                        client.postUntilAcknowledged(Writer.RELATIONSHIP, waiting.removeFirst().relationshipItems(), deadlineNanos);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            watcher.cancel(true);
            pool.shutdownNow();
        }
        progress.finish(acknowledgements.size() - before, (System.nanoTime() - start) / 1e9, client.attempts.get(),
                client.failedAttempts.get());
    }

    private static Chunk next(Iterator<Chunk> chunks) {
        synchronized (chunks) {
            return chunks.hasNext() ? chunks.next() : null;
        }
    }
}
