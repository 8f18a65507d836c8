package io.kamplatform.local;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** A broker is ready when {@code Admin.describeCluster()} lists a node: it then serves clients. */
final class KafkaReadiness {

    private KafkaReadiness() {
    }

    /**
     * Polls until the broker answers, {@code timeout} passes or {@code stillWorthWaiting} turns false (e.g. the
     * broker's process exited). Returns null when ready, otherwise the last failure seen (possibly a timeout).
     */
    static Exception await(String bootstrapServers, Duration timeout, BooleanSupplier stillWorthWaiting) {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                // A broker that is not up yet: retry the connection quickly rather than backing off to 1 s.
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = new java.util.concurrent.TimeoutException("no answer within " + timeout.toSeconds() + " s");
        try (Admin admin = Admin.create(config)) {
            while (System.nanoTime() < deadline && stillWorthWaiting.getAsBoolean()) {
                try {
                    if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
                        return null;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return e;
                } catch (Exception e) {
                    last = e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return e;
                }
            }
        }
        return last;
    }
}
