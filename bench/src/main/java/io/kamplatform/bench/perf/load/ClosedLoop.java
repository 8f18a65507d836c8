package io.kamplatform.bench.perf.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * N clients, each a virtual thread sending its next request as soon as the previous one answered (the way a CRM
 * integration with N workers posts), for a warm-up that is not recorded and then a measured duration. Throughput
 * counts requests answered within the duration, whenever they were sent (a request sent in the warm-up that answers
 * inside the window counts: otherwise requests as long as the window would show a throughput of zero); latency counts
 * every request sent within it, however long it took (a slow report that ends after the window is a sample, not a
 * gap). When no request was sent within the window (each took longer than the whole run), the latencies of those sent
 * during the warm-up are reported instead, with their errors. A request that ends in an exception (a timeout, a 5xx) is an error; a
 * timeout also counts as a latency sample of the time it waited.
 */
public final class ClosedLoop {

    private ClosedLoop() {
    }

    public static Measurement run(int clients, Duration warmUp, Duration duration, Call call) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + duration.toNanos();
        AtomicLong requests = new AtomicLong();
        AtomicLong events = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong warmUpErrors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Latencies> latencies = new ArrayList<>();
        List<Latencies> warmUpLatencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Latencies own = new Latencies();
            Latencies ownWarmUp = new Latencies();
            latencies.add(own);
            warmUpLatencies.add(ownWarmUp);
            threads.add(Thread.ofVirtual().start(() -> {
                for (long i = 0; System.nanoTime() < end; i++) {
                    long t = System.nanoTime();
                    boolean measured = t >= measureFrom;
                    try {
                        int n = call.run(client, i);
                        long done = System.nanoTime();
                        (measured ? own : ownWarmUp).add(done - t);
                        if (done >= measureFrom && done <= end) {
                            requests.incrementAndGet();
                            events.addAndGet(n);
                        }
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        (measured ? errors : warmUpErrors).incrementAndGet();
                        if (e instanceof java.net.http.HttpTimeoutException) {
                            // A request that timed out took at least the timeout: a latency sample, not a gap.
                            (measured ? own : ownWarmUp).add(System.nanoTime() - t);
                        }
                        firstError.compareAndSet(null, e.toString());
                        pause();
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Latencies merged = Latencies.merge(latencies);
        if (merged.size() > 0) {
            return Measurement.of(requests.get(), events.get(), errors.get(), duration.toNanos() / 1e9, merged,
                    firstError.get());
        }
        // Nothing was sent inside the window: the warm-up's requests are all there is, errors (timeouts) included.
        return Measurement.of(requests.get(), events.get(), errors.get() + warmUpErrors.get(), duration.toNanos() / 1e9,
                Latencies.merge(warmUpLatencies), firstError.get());
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
