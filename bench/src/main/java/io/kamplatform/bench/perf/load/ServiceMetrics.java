package io.kamplatform.bench.perf.load;

import java.net.http.HttpResponse;

/** A service's Prometheus text exposition ({@code /q/metrics}, no token needed), read as the scraper reads it. */
record ServiceMetrics(Http http, String url) {

    /** The exposition parsed by {@code parse}, or null when the service did not answer (stopped, restarting). */
    <T> T read(java.util.function.Function<String, T> parse) {
        try {
            HttpResponse<String> response = http.get(url, null);
            return response.statusCode() == 200 ? parse.apply(response.body()) : null;
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** A sample line of exactly this metric (with or without labels), not of one whose name only starts with it. */
    static boolean isSample(String line, String name) {
        return line.startsWith(name) && line.length() > name.length()
                && (line.charAt(name.length()) == ' ' || line.charAt(name.length()) == '{');
    }

    /** The sample value at the end of an exposition line. */
    static double value(String line) {
        String[] parts = line.trim().split("\\s+");
        return Double.parseDouble(parts[parts.length - 1]);
    }
}
