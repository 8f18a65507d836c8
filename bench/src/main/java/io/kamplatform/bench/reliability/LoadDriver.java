package io.kamplatform.bench.reliability;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

/**
 * Several CRM clients posting the portfolio chunk by chunk (account batches ahead of relationship batches), each retrying
 * until every item is acknowledged, with a progress line every few seconds. A hook runs once when a given number of
 * events has been acknowledged: that is when the fault strikes.
 */
final class LoadDriver {

    private final BatchClient client;
    private final Acknowledgements acknowledgements;
    private final int clients;
    private final PrintStream out;

    LoadDriver(BatchClient client, Acknowledgements acknowledgements, int clients, PrintStream out) {
        this.client = client;
        this.acknowledgements = acknowledgements;
        this.clients = clients;
        this.out = out;
    }

    /** Posts everything; {@code atThreshold} runs once (on its own thread) when {@code threshold} events are acknowledged. */
    void run(List<SyntheticPortfolio.Chunk> chunks, int threshold, IntConsumer atThreshold, long deadlineNanos)
            throws Exception {
        int total = chunks.stream().mapToInt(SyntheticPortfolio.Chunk::size).sum();
        ConcurrentLinkedQueue<SyntheticPortfolio.Chunk> queue = new ConcurrentLinkedQueue<>(chunks);
        AtomicBoolean fired = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
        long start = System.nanoTime();
        Future<?> watcher = pool.submit(() -> {
            long lastPrint = 0;
            while (!Thread.currentThread().isInterrupted()) {
                int acked = acknowledgements.size();
                if (!fired.get() && acked >= threshold && fired.compareAndSet(false, true)) {
                    Thread.ofPlatform().start(() -> atThreshold.accept(acked));
                }
                if (System.nanoTime() - lastPrint > 5_000_000_000L) {
                    lastPrint = System.nanoTime();
                    double seconds = (lastPrint - start) / 1e9;
                    out.printf("    %,d / %,d events acknowledged (%.0f/s), %,d batch attempts, %,d retried%n", acked,
                            total, acked / Math.max(seconds, 0.001), client.attempts.get(), client.failedAttempts.get());
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try {
            List<Future<?>> workers = new java.util.ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    // The relationship batch of a chunk goes out after the next chunk's account batch: by then
                    // relationship-service has usually learnt the registrations from Kafka.
                    SyntheticPortfolio.Chunk previous = null;
                    SyntheticPortfolio.Chunk chunk;
                    while ((chunk = queue.poll()) != null) {
                        client.postUntilAcknowledged(Writer.ACCOUNT, chunk.accountItems(), deadlineNanos);
                        if (previous != null) {
                            client.postUntilAcknowledged(Writer.RELATIONSHIP, previous.relationshipItems(), deadlineNanos);
                        }
                        previous = chunk;
                    }
                    if (previous != null) {
                        client.postUntilAcknowledged(Writer.RELATIONSHIP, previous.relationshipItems(), deadlineNanos);
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
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("    all %,d events acknowledged in %.0f s (%.0f/s), %,d batch attempts, %,d retried%n",
                acknowledgements.size(), seconds, acknowledgements.size() / seconds, client.attempts.get(),
                client.failedAttempts.get());
    }
}
