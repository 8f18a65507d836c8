package io.kamplatform.bench.perf.load;

import java.net.http.HttpResponse;

/** A service's Prometheus text exposition ({@code /q/metrics}, no token needed), read as the scraper reads it. */
final class ServiceMetrics {

    private ServiceMetrics() {
    }

    /** The exposition, or null when the service did not answer it (stopped, restarting). */
    static String fetch(Http http, String metricsUrl) {
        try {
            HttpResponse<String> response = http.get(metricsUrl, null);
            return response.statusCode() == 200 ? response.body() : null;
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The sample value at the end of an exposition line. */
    static double value(String line) {
        String[] parts = line.trim().split("\\s+");
        return Double.parseDouble(parts[parts.length - 1]);
    }
}
