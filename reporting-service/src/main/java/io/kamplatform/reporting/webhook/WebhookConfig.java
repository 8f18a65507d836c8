package io.kamplatform.reporting.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** kam.webhooks.*: delivery retries, the worker's pace, the target rules and the key that encrypts secrets (README "Webhooks"). */
@ConfigMapping(prefix = "kam.webhooks")
public interface WebhookConfig {

    /** Deliveries stop (the worker does not start) when false; subscriptions and the consumer stay. */
    @WithDefault("true")
    boolean enabled();

    /**
     * AES key (base64 of 16, 24 or 32 bytes) that encrypts subscription secrets at rest. Without it subscriptions
     * cannot be created and deliveries cannot be signed.
     */
    Optional<String> encryptionKey();

    Retry retry();

    /** One HTTP attempt: connect and answer within this time, or it failed. */
    @WithDefault("10s")
    Duration requestTimeout();

    /** How often the worker looks for due deliveries when nothing woke it. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Deliveries sent at once (each from a different queue: per subscription and account, one at a time). */
    @WithDefault("8")
    int concurrency();

    /** How often the backlog gauges are recomputed. */
    @WithDefault("15s")
    Duration metricsRefresh();

    /**
     * Targets on localhost (localhost, 127.0.0.0/8, ::1) are accepted, and over plain http. Off in prod: in a pod
     * localhost is the service itself.
     */
    @WithDefault("true")
    boolean allowLocalhost();

    interface Retry {
        /** The first retry waits up to this (full jitter: a random wait between 0 and the nominal one). */
        @WithDefault("10s")
        Duration baseDelay();

        /** No wait is longer than this. */
        @WithDefault("1h")
        Duration maxDelay();

        /** A delivery is dead-lettered after this many failed attempts. */
        @WithDefault("10")
        int maxAttempts();
    }
}
