package io.kamplatform.crmimport.posting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Posts planned events through the public batch endpoints ({@code POST /api/account-events/batch} and
 * {@code POST /api/relationship-events/batch}) in batches of at most {@value #DEFAULT_BATCH_SIZE} items and
 * ~1.5 MB.
 *
 * <p>Order: events are posted in the order given per service, and before any relationship batch goes out every
 * account event accepted so far is posted, so registrations always precede the relationship events of an account.
 * relationship-service learns registrations from Kafka: items it rejects with
 * {@code urn:kam-platform:problem:unknown-account} are posted again (same ids, same bodies) with back-off until
 * {@link #unknownAccountPatience} has passed. Network errors and 5xx answers are retried too (every retry is safe:
 * event ids are deterministic). A 4xx answer for a whole batch is a bug and fails the load.
 *
 * <p>Not thread-safe; one loader per load.
 */
public final class BatchLoader implements EventSink {

    public static final int DEFAULT_BATCH_SIZE = 500;
    static final int MAX_BATCH_BYTES = 1_500_000;
    static final String UNKNOWN_ACCOUNT = "urn:kam-platform:problem:unknown-account";
    private static final int MAX_HTTP_ATTEMPTS = 5;

    private final HttpClient client;
    private final URI accountBatchUri;
    private final URI relationshipBatchUri;
    private final Supplier<String> token;
    private final Progress progress;
    private int batchSize = DEFAULT_BATCH_SIZE;
    private Duration unknownAccountPatience = Duration.ofSeconds(30);
    private Duration firstRetryDelay = Duration.ofMillis(250);

    private final List<PlannedEvent> accountBuffer = new ArrayList<>();
    private final List<PlannedEvent> relationshipBuffer = new ArrayList<>();
    private int accountBytes;
    private int relationshipBytes;
    private long planned;
    private long recorded;
    private long duplicates;
    private final List<LoadResult.Rejection> rejections = new ArrayList<>();

    /**
     * @param accountUrl      base URL of account-service, e.g. {@code http://localhost:8081}
     * @param relationshipUrl base URL of relationship-service, e.g. {@code http://localhost:8082}
     * @param token           a bearer token with role {@code crm-writer} (asked for before every request)
     * @param progress        progress bar, or null for none
     */
    public BatchLoader(HttpClient client, URI accountUrl, URI relationshipUrl, Supplier<String> token,
                       Progress progress) {
        this.client = Objects.requireNonNull(client);
        this.accountBatchUri = resolve(accountUrl, "api/account-events/batch");
        this.relationshipBatchUri = resolve(relationshipUrl, "api/relationship-events/batch");
        this.token = Objects.requireNonNull(token);
        this.progress = progress;
    }

    public static BatchLoader create(URI accountUrl, URI relationshipUrl, Supplier<String> token, Progress progress) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return new BatchLoader(client, accountUrl, relationshipUrl, token, progress);
    }

    public BatchLoader batchSize(int size) {
        if (size < 1 || size > 1000) {
            throw new IllegalArgumentException("batch size must be 1..1000");
        }
        this.batchSize = size;
        return this;
    }

    /** How long to keep retrying items relationship-service does not know the account of yet (default 30 s). */
    public BatchLoader unknownAccountPatience(Duration patience, Duration firstDelay) {
        this.unknownAccountPatience = patience;
        this.firstRetryDelay = firstDelay;
        return this;
    }

    /**
     * Loads a whole list (e.g. the demo portfolio) with a progress bar over its size: account events first, then
     * relationship events, each in the given order.
     */
    public static LoadResult loadAll(List<PlannedEvent> events, URI accountUrl, URI relationshipUrl,
                                     Supplier<String> token, PrintStream out) {
        Progress progress = out == null ? null : new Progress(out, "events", events.size());
        BatchLoader loader = create(accountUrl, relationshipUrl, token, progress);
        return loader.load(events);
    }

    /** Accepts every event, account events before relationship events, and finishes. */
    public LoadResult load(List<PlannedEvent> events) {
        events.stream().filter(e -> e.service() == PlannedEvent.Service.ACCOUNT).forEach(this::accept);
        events.stream().filter(e -> e.service() == PlannedEvent.Service.RELATIONSHIP).forEach(this::accept);
        return finish();
    }

    @Override
    public void accept(PlannedEvent event) {
        planned++;
        int size = event.toBatchItem().toString().length() + 2;
        if (event.service() == PlannedEvent.Service.ACCOUNT) {
            if (!accountBuffer.isEmpty() && accountBytes + size > MAX_BATCH_BYTES) {
                flushAccounts();
            }
            accountBuffer.add(event);
            accountBytes += size;
            if (accountBuffer.size() >= batchSize) {
                flushAccounts();
            }
        } else {
            if (!relationshipBuffer.isEmpty() && relationshipBytes + size > MAX_BATCH_BYTES) {
                flushRelationships();
            }
            relationshipBuffer.add(event);
            relationshipBytes += size;
            if (relationshipBuffer.size() >= batchSize) {
                flushRelationships();
            }
        }
    }

    @Override
    public LoadResult finish() {
        flushAccounts();
        flushRelationships();
        if (progress != null) {
            progress.finish();
        }
        return new LoadResult(planned, recorded, duplicates, rejections.size(), List.copyOf(rejections));
    }

    private void flushAccounts() {
        if (accountBuffer.isEmpty()) {
            return;
        }
        List<PlannedEvent> batch = List.copyOf(accountBuffer);
        accountBuffer.clear();
        accountBytes = 0;
        List<PlannedEvent> unknown = post(accountBatchUri, batch, false);
        unknown.forEach(e -> reject(e, null));
    }

    private void flushRelationships() {
        flushAccounts();
        if (relationshipBuffer.isEmpty()) {
            return;
        }
        List<PlannedEvent> batch = List.copyOf(relationshipBuffer);
        relationshipBuffer.clear();
        relationshipBytes = 0;
        long deadline = System.nanoTime() + unknownAccountPatience.toNanos();
        Duration delay = firstRetryDelay;
        List<PlannedEvent> pending = post(relationshipBatchUri, batch, true);
        while (!pending.isEmpty()) {
            if (System.nanoTime() + delay.toNanos() > deadline) {
                break;
            }
            sleep(delay);
            delay = delay.multipliedBy(2).compareTo(Duration.ofSeconds(4)) > 0 ? Duration.ofSeconds(4) : delay.multipliedBy(2);
            pending = post(relationshipBatchUri, pending, true);
        }
        for (PlannedEvent event : pending) {
            rejections.add(new LoadResult.Rejection(event.eventId(), event.accountId(), event.type(), event.origin(),
                    UNKNOWN_ACCOUNT, null, "relationship-service did not learn the account within "
                    + unknownAccountPatience.toSeconds() + " s"));
            advance(1);
        }
    }

    /** Posts one batch and counts its verdicts; returns the items to retry (unknown account), in order. */
    private List<PlannedEvent> post(URI uri, List<PlannedEvent> batch, boolean retryUnknownAccounts) {
        ObjectNode body = EventData.object();
        ArrayNode items = body.putArray("items");
        batch.forEach(e -> items.add(e.toBatchItem()));
        JsonNode answer = send(uri, body.toString());
        JsonNode results = answer.path("results");
        if (!results.isArray() || results.size() != batch.size()) {
            throw new IllegalStateException("unexpected answer from " + uri + ": " + answer);
        }
        List<PlannedEvent> retry = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            PlannedEvent event = batch.get(i);
            JsonNode result = results.get(i);
            switch (result.path("status").asText()) {
                case "RECORDED" -> {
                    recorded++;
                    advance(1);
                }
                case "DUPLICATE" -> {
                    duplicates++;
                    advance(1);
                }
                default -> {
                    JsonNode problem = result.path("problem");
                    if (retryUnknownAccounts && UNKNOWN_ACCOUNT.equals(problem.path("type").asText())) {
                        retry.add(event);
                    } else {
                        reject(event, problem);
                    }
                }
            }
        }
        return retry;
    }

    private void reject(PlannedEvent event, JsonNode problem) {
        String detail = null;
        String type = null;
        String code = null;
        if (problem != null && !problem.isMissingNode()) {
            type = problem.path("type").asText(null);
            code = problem.path("code").asText(null);
            StringBuilder text = new StringBuilder(problem.path("detail").asText(""));
            for (JsonNode violation : problem.path("violations")) {
                text.append(text.isEmpty() ? "" : "; ").append(violation.path("field").asText()).append(": ")
                        .append(violation.path("message").asText());
            }
            detail = text.toString();
        }
        rejections.add(new LoadResult.Rejection(event.eventId(), event.accountId(), event.type(), event.origin(),
                type, code, detail));
        advance(1);
    }

    private JsonNode send(URI uri, String json) {
        Duration delay = Duration.ofMillis(500);
        for (int attempt = 1; ; attempt++) {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(120))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("Authorization", "Bearer " + token.get())
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                    .build();
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 200) {
                    return EventData.MAPPER.readTree(response.body());
                }
                if (status < 500 || attempt >= MAX_HTTP_ATTEMPTS) {
                    throw new IllegalStateException("POST " + uri + " answered " + status + ": " + response.body());
                }
            } catch (IOException e) {
                if (attempt >= MAX_HTTP_ATTEMPTS) {
                    throw new UncheckedIOException("POST " + uri + " failed " + attempt + " times", e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while posting to " + uri, e);
            }
            sleep(delay);
            delay = delay.multipliedBy(2);
        }
    }

    private void advance(long n) {
        if (progress != null) {
            progress.advance(n);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static URI resolve(URI base, String path) {
        String text = base.toString();
        return URI.create(text.endsWith("/") ? text + path : text + "/" + path);
    }
}
