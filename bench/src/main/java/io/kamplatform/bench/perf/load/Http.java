package io.kamplatform.bench.perf.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The load tool's HTTP: one JDK client (HTTP/1.1, a pooled connection per concurrent caller) shared by every virtual
 * thread. The same client drives the services and the empty route, so its own cost shows in the ceiling.
 */
public final class Http {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Duration timeout;

    public Http(Duration timeout) {
        this.timeout = timeout;
    }

    public HttpResponse<String> post(String url, String token, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A non-2xx answer where a 2xx was expected: counted as an error by the load loops. */
    public static final class UnexpectedStatus extends IOException {
        public UnexpectedStatus(String what, HttpResponse<String> response) {
            super(what + " answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(300, response.body().length())));
        }
    }

    public static HttpResponse<String> expect(HttpResponse<String> response, int status, String what) throws UnexpectedStatus {
        if (response.statusCode() != status) {
            throw new UnexpectedStatus(what, response);
        }
        return response;
    }
}
