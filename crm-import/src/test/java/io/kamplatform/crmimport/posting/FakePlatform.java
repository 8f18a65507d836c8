package io.kamplatform.crmimport.posting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Both batch endpoints in one in-process HTTP server: RECORDED for a new id, DUPLICATE for a known one,
 * unknown-account for relationship items until the account was registered and {@link #unknownAccountAnswers}
 * items have been refused (Kafka lag), REJECTED for type "Bad".
 */
public final class FakePlatform implements AutoCloseable {

    public final HttpServer server;
    public final Map<String, String> stored = new ConcurrentHashMap<>();
    public final Set<String> registered = new HashSet<>();
    public final List<Integer> batchSizes = new ArrayList<>();
    public final AtomicInteger unknownAccountAnswers = new AtomicInteger();
    public volatile String lastAuthorization;

    public FakePlatform() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/account-events/batch", exchange -> answer(exchange, true));
        server.createContext("/api/relationship-events/batch", exchange -> answer(exchange, false));
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private synchronized void answer(com.sun.net.httpserver.HttpExchange exchange, boolean accounts) throws IOException {
        lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
        JsonNode body = EventData.MAPPER.readTree(exchange.getRequestBody());
        ObjectNode answer = EventData.object();
        ArrayNode results = answer.putArray("results");
        batchSizes.add(body.get("items").size());
        int index = 0;
        for (JsonNode item : body.get("items")) {
            ObjectNode result = results.addObject();
            result.put("index", index++);
            String id = item.get("eventId").asText();
            result.put("eventId", id);
            String account = item.get("accountId").asText();
            if (item.get("type").asText().equals("Bad")) {
                result.put("status", "REJECTED");
                ObjectNode problem = result.putObject("problem");
                problem.put("type", "urn:kam-platform:problem:rule-violation");
                problem.put("code", "BAD");
                problem.put("detail", "bad event");
            } else if (!accounts && (!registered.contains(account) || unknownAccountAnswers.getAndDecrement() > 0)) {
                result.put("status", "REJECTED");
                result.putObject("problem").put("type", "urn:kam-platform:problem:unknown-account");
            } else if (stored.containsKey(id)) {
                result.put("status", "DUPLICATE");
            } else {
                stored.put(id, item.toString());
                if (item.get("type").asText().equals("AccountRegistered")) {
                    registered.add(account);
                }
                result.put("status", "RECORDED");
            }
        }
        byte[] bytes = answer.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
