package io.kamplatform.kit.messaging;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Runs work again, after a {@link BackOff}, for as long as it fails for an infrastructure reason
 * ({@link InfrastructureFailures}); any other failure ends it at once. There is no attempt limit on purpose: an
 * outage that outlasts a limit would turn a valid record into a dead letter. The listener makes the wait visible
 * (readiness, logs); the caller keeps its place, so records are still processed one after another, in order.
 */
public final class InfrastructureRetry {

    /** What a waiting caller is told. */
    public interface Listener {
        /** Attempt {@code attempt} failed for an infrastructure reason; the next one follows after {@code wait}. */
        void waiting(long attempt, Throwable failure, Duration wait);

        /** The work succeeded, or failed for a reason of its own, after {@code failedAttempts} infrastructure failures. */
        void resumed(long failedAttempts);
    }

    private InfrastructureRetry() {
    }

    public static <T> Uni<T> untilAvailable(Supplier<Uni<? extends T>> work, BackOff backOff, Listener listener) {
        AtomicLong failedAttempts = new AtomicLong();
        return attempt(work, backOff, listener, failedAttempts)
                .onTermination().invoke(() -> {
                    if (failedAttempts.get() > 0) {
                        listener.resumed(failedAttempts.get());
                    }
                });
    }

    private static <T> Uni<T> attempt(Supplier<Uni<? extends T>> work, BackOff backOff, Listener listener, AtomicLong failedAttempts) {
        return Uni.createFrom().<T>deferred(work)
                .onFailure(InfrastructureFailures::isInfrastructure).recoverWithUni(failure -> {
                    long attempt = failedAttempts.incrementAndGet();
                    Duration wait = backOff.delay(attempt);
                    listener.waiting(attempt, failure, wait);
                    return Uni.createFrom().voidItem().onItem().delayIt().by(wait)
                            .chain(() -> attempt(work, backOff, listener, failedAttempts));
                });
    }
}
