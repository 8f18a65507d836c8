package io.kamplatform.bench.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts a batch as a careful CRM integration does: until every item is acknowledged. A connection error, a timeout, a
 * 5xx or a 503 means "try again later with the same event ids" (always safe: the same id and body answer DUPLICATE);
 * an item relationship-service refuses as unknown-account waits for the registration to arrive from Kafka. Any other
 * refusal is a bug in the harness's data and stops the run.
 */
public final class BatchClient {

    static final String UNKNOWN_ACCOUNT = "urn:kam-platform:problem:unknown-account";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final int basePort;
    private final String token;
    private final Acknowledgements acknowledgements;
    public final AtomicLong attempts = new AtomicLong();
    public final AtomicLong failedAttempts = new AtomicLong();

    public BatchClient(String host, int basePort, String token, Acknowledgements acknowledgements) {
        this.baseUrl = "http://" + host + ":";
        this.token = token;
        this.acknowledgements = acknowledgements;
        this.basePort = basePort;
    }

    public void postUntilAcknowledged(Writer writer, List<PlannedItem> items, long deadlineNanos) throws InterruptedException {
        List<PlannedItem> open = new ArrayList<>(items);
        long backoff = 100;
        while (!open.isEmpty()) {
            if (System.nanoTime() > deadlineNanos) {
                throw new IllegalStateException(open.size() + " items of a " + writer + " batch still unacknowledged at the deadline");
            }
            attempts.incrementAndGet();
            List<PlannedItem> stillOpen = post(writer, open);
            if (stillOpen.size() < open.size()) {
                backoff = 100;
            }
            if (!stillOpen.isEmpty()) {
                failedAttempts.incrementAndGet();
                Thread.sleep(backoff + (long) (Math.random() * backoff));
                backoff = Math.min(backoff * 2, 5000);
            }
            open = stillOpen;
        }
    }

    /** One attempt; returns the items not acknowledged, in order. */
    private List<PlannedItem> post(Writer writer, List<PlannedItem> items) throws InterruptedException {
        StringBuilder body = new StringBuilder(items.size() * 300).append("{\"items\":[");
        for (int i = 0; i < items.size(); i++) {
            body.append(i == 0 ? "" : ",").append(items.get(i).json());
        }
        body.append("]}");
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + (basePort + writer.portOffset) + "/" + writer.batchPath))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return items;
        }
        if (response.statusCode() >= 500 || response.statusCode() == 429) {
            return items;
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(writer + " batch answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode results;
        try {
            results = JSON.readTree(response.body()).path("results");
        } catch (IOException e) {
            return items;
        }
        List<PlannedItem> open = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode result = results.path(i);
            String status = result.path("status").asText();
            if (status.equals("RECORDED") || status.equals("DUPLICATE")) {
                acknowledgements.acknowledge(items.get(i));
            } else if (UNKNOWN_ACCOUNT.equals(result.path("problem").path("type").asText())) {
                open.add(items.get(i));
            } else {
                throw new IllegalStateException("item " + items.get(i).eventId() + " (" + items.get(i).type() + ") refused: "
                        + result.path("problem"));
            }
        }
        return open;
    }
}
