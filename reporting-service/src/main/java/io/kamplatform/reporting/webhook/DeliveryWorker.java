package io.kamplatform.reporting.webhook;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Sends pending deliveries (README "Webhooks"). One loop claims due deliveries — only the head of each queue (per
 * subscription and account), so an account's insights reach a subscriber in order, each waiting until the one before
 * is delivered or dead-lettered — and sends them on a bounded pool, {@code concurrency} at a time. Each attempt is
 * logged with the status code or error and its duration; a 2xx delivers, anything else (a redirect included: none are
 * followed) is retried after {@link RetrySchedule}'s wait until the attempts run out and the delivery is
 * dead-lettered. A delivery marked delivered is never sent again, also after a restart; a crash between a receiver's
 * 2xx and that mark sends it again once the claim has expired (at least once: receivers dedupe on
 * {@value Signatures#DELIVERY_ID_HEADER}).
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    private static final Duration DATABASE_WAIT = Duration.ofSeconds(30);
    private static final int MAX_ERROR = 500;

    private final WebhookStore store;
    private final SecretBox secrets;
    private final WebhookMetrics metrics;
    private final WebhookConfig config;
    private final RetrySchedule schedule;
    private final TargetPolicy policy;
    private final Clock clock = Clock.systemUTC();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Set<UUID> claimed = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean passQueued = new AtomicBoolean();

    private volatile boolean running;
    private ScheduledExecutorService loop;
    private ExecutorService senders;
    private HttpClient http;
    private Instant nextMetrics = Instant.EPOCH;

    public DeliveryWorker(WebhookStore store, SecretBox secrets, WebhookMetrics metrics, WebhookConfig config) {
        this.store = store;
        this.secrets = secrets;
        this.metrics = metrics;
        this.config = config;
        this.schedule = RetrySchedule.of(config.retry());
        this.policy = new TargetPolicy(config.allowLocalhost());
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            start();
        } else {
            LOG.info("Webhook deliveries are switched off (kam.webhooks.enabled=false)");
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.requestTimeout()).build();
        senders = Executors.newFixedThreadPool(config.concurrency(), Thread.ofPlatform().daemon().name("kam-webhook-sender-", 0).factory());
        loop = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("kam-webhook-loop").factory());
        running = true;
        loop.scheduleWithFixedDelay(this::pass, 0, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops claiming, lets the sends under way finish (within the request timeout) and releases what is left. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        loop.shutdown();
        try {
            loop.awaitTermination(DATABASE_WAIT.toSeconds(), TimeUnit.SECONDS);
            senders.shutdown();
            if (!senders.awaitTermination(config.requestTimeout().toMillis() + 5000, TimeUnit.MILLISECONDS)) {
                senders.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            store.release(List.copyOf(claimed)).await().atMost(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LOG.debugf("Could not release webhook claims at shutdown (they expire): %s", e.getMessage());
        }
        claimed.clear();
        http.close();
    }

    public boolean running() {
        return running;
    }

    /** Something new may be due: look now rather than at the next poll. */
    public void wake() {
        if (running && passQueued.compareAndSet(false, true)) {
            try {
                loop.execute(this::pass);
            } catch (RuntimeException e) {
                passQueued.set(false); // shutting down
            }
        }
    }

    private void pass() {
        passQueued.set(false);
        if (!running) {
            return;
        }
        try {
            refreshMetrics();
            int free = config.concurrency() - inFlight.get();
            if (free <= 0) {
                return;
            }
            List<WebhookStore.Claimed> due = store.claim(free, lease()).await().atMost(DATABASE_WAIT);
            for (WebhookStore.Claimed delivery : due) {
                claimed.add(delivery.id());
                inFlight.incrementAndGet();
                senders.execute(() -> {
                    try {
                        deliver(delivery);
                    } finally {
                        claimed.remove(delivery.id());
                        inFlight.decrementAndGet();
                        wake();
                    }
                });
            }
        } catch (RuntimeException e) {
            LOG.warnf("Webhook delivery pass failed (retried at the next poll): %s", e.getMessage());
        }
    }

    private void refreshMetrics() {
        Instant now = clock.instant();
        if (now.isBefore(nextMetrics)) {
            return;
        }
        nextMetrics = now.plus(config.metricsRefresh());
        metrics.backlog(store.backlog().await().atMost(DATABASE_WAIT), now);
    }

    /** Long enough for one attempt and its bookkeeping; a crashed instance's claims expire after it. */
    private Duration lease() {
        return config.requestTimeout().multipliedBy(2).plus(DATABASE_WAIT);
    }

    void deliver(WebhookStore.Claimed delivery) {
        Instant start = clock.instant();
        long startNanos = System.nanoTime();
        Integer status = null;
        String error = null;
        String result;
        try {
            URI target = URI.create(delivery.url());
            Optional<String> refused = policy.problemResolved(target);
            if (refused.isPresent()) {
                result = "refused-target";
                error = "target refused: " + refused.get();
            } else {
                HttpResponse<Void> response = http.send(request(delivery, target), HttpResponse.BodyHandlers.discarding());
                status = response.statusCode();
                result = status / 100 == 2 ? "delivered" : "http-error";
                if (status / 100 == 3) {
                    error = "redirects are not followed";
                }
            }
        } catch (HttpTimeoutException e) {
            result = "network-error";
            error = "no answer within " + config.requestTimeout();
        } catch (IOException e) {
            result = "network-error";
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // shutting down: the claim is released, the delivery is tried again
        } catch (RuntimeException e) {
            result = "error";
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        metrics.attempt(result, took);
        int failed = delivery.attempts() + 1;
        String next;
        Duration retryIn = Duration.ZERO;
        if (result.equals("delivered")) {
            next = "DELIVERED";
        } else if (schedule.exhausted(failed)) {
            next = "DEAD";
        } else {
            next = "PENDING";
            retryIn = schedule.delay(failed, bound -> ThreadLocalRandom.current().nextLong(bound));
        }
        WebhookStore.Attempt attempt = new WebhookStore.Attempt(delivery.totalAttempts() + 1, start, took.toMillis(), status,
                error == null ? null : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error);
        if (record(delivery, attempt, next, retryIn)) {
            if (next.equals("DELIVERED")) {
                metrics.outcome("delivered");
            } else if (next.equals("DEAD")) {
                metrics.outcome("dead-lettered");
                LOG.warnf("Webhook delivery %s (insight %s) to subscription %s dead-lettered after %d attempts: %s",
                        delivery.id(), delivery.insightId(), delivery.subscriptionId(), failed,
                        status != null ? "HTTP " + status : attempt.error());
            }
        }
    }

    /** Logs the attempt, waiting a while for the database; if it stays away the claim expires and the delivery is sent again. */
    private boolean record(WebhookStore.Claimed delivery, WebhookStore.Attempt attempt, String next, Duration retryIn) {
        Instant giveUp = clock.instant().plus(lease());
        long wait = 100;
        while (true) {
            try {
                store.attempted(delivery, attempt, next, retryIn).await().atMost(DATABASE_WAIT);
                return true;
            } catch (RuntimeException e) {
                if (clock.instant().isAfter(giveUp)) {
                    LOG.warnf("Could not record webhook delivery %s's attempt %d: %s; it is sent again when its claim expires",
                            delivery.id(), attempt.attempt(), e.getMessage());
                    return false;
                }
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                wait = Math.min(wait * 2, 5000);
            }
        }
    }

    private HttpRequest request(WebhookStore.Claimed delivery, URI target) {
        String secret = secrets.decrypt(delivery.secretEncrypted(), delivery.subscriptionId().toString());
        long timestamp = clock.instant().getEpochSecond();
        return HttpRequest.newBuilder(target)
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                .header("User-Agent", "kam-platform-webhooks/1")
                .header(Signatures.DELIVERY_ID_HEADER, delivery.id().toString())
                .header(Signatures.EVENT_TYPE_HEADER, delivery.insightType())
                .header(Signatures.HEADER, Signatures.header(secret, timestamp, delivery.body()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
                .build();
    }
}
