package io.kamplatform.reporting.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.IntUnaryOperator;

/**
 * A real local webhook receiver (the JDK's HTTP server on 127.0.0.1): records every request with the status it
 * answered; {@code status} decides that status from the request's number (1, 2, ...).
 */
final class Receiver implements AutoCloseable {

    /** One request as received, and what the receiver answered. */
    record Received(int number, Map<String, List<String>> headers, String body, int answered) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }

        boolean accepted() {
            return answered / 100 == 2;
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile IntUnaryOperator status;

    Receiver(IntUnaryOperator status) throws IOException {
        this.status = status;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/hook", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int number;
            int answer;
            synchronized (this) {
                number = received.size() + 1;
                answer = this.status.applyAsInt(number);
                received.add(new Received(number, Map.copyOf(exchange.getRequestHeaders()), body, answer));
            }
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void answer(IntUnaryOperator newStatus) {
        this.status = newStatus;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> accepted() {
        return received.stream().filter(Received::accepted).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
