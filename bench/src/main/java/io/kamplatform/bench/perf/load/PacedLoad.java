package io.kamplatform.bench.perf.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A background load at a fixed rate (open loop: request i is due at start + i / rate, whatever the answers do), spread
 * over a few virtual threads. W2 and W4 run at 50% of W1's maximum rate with it.
 */
public final class PacedLoad implements AutoCloseable {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong tickets = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private final List<Thread> threads = new ArrayList<>();
    private final long start = System.nanoTime();
    private final double rate;

    public PacedLoad(double requestsPerSecond, int clients, Call call) {
        this.rate = requestsPerSecond;
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(Thread.ofVirtual().start(() -> {
                while (running.get()) {
                    long ticket = tickets.getAndIncrement();
                    long due = start + (long) (ticket * 1e9 / rate);
                    long wait = due - System.nanoTime();
                    try {
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                        if (!running.get()) {
                            return;
                        }
                        call.run(client, ticket);
                        sent.incrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e.toString());
                    }
                }
            }));
        }
    }

    /** Requests answered per second so far (below the target rate when the service cannot keep up). */
    public double achievedRate() {
        return sent.get() / ((System.nanoTime() - start) / 1e9);
    }

    public double targetRate() {
        return rate;
    }

    public long errors() {
        return errors.get();
    }

    public String firstError() {
        return firstError.get();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(60_000);
        }
    }
}
