package io.kamplatform.local;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * Whether the services export traces ({@code --otel}, or {@code KAM_OTEL=true}) and where to: an OTLP endpoint
 * ({@code KAM_OTEL_ENDPOINT}, default {@value #DEFAULT_ENDPOINT}, the OTLP/gRPC port of a collector or Jaeger on this
 * machine). Off by default: the services' SDK stays disabled, as their application.properties have it.
 *
 * @param endpoint the OTLP endpoint, or null when tracing is off
 */
record LocalTracing(String endpoint) {

    static final String DEFAULT_ENDPOINT = "http://localhost:4317";
    static final LocalTracing OFF = new LocalTracing(null);

    /** Tracing on, exporting to {@code KAM_OTEL_ENDPOINT} or the default. */
    static LocalTracing on() {
        String endpoint = Settings.get("KAM_OTEL_ENDPOINT").orElse(DEFAULT_ENDPOINT);
        try {
            URI uri = new URI(endpoint);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return new LocalTracing(endpoint);
            }
        } catch (URISyntaxException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("KAM_OTEL_ENDPOINT must be an http(s) URL such as " + DEFAULT_ENDPOINT
                + ", not " + endpoint);
    }

    boolean enabled() {
        return endpoint != null;
    }

    /** What each service's environment gets: the Quarkus OpenTelemetry settings that switch export on. */
    Map<String, String> serviceEnvironment() {
        if (!enabled()) {
            return Map.of();
        }
        return Map.of("QUARKUS_OTEL_SDK_DISABLED", "false", "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", endpoint);
    }

    /** One line for the launcher's output. */
    String describe() {
        return enabled() ? "on: the services export spans over OTLP to " + endpoint + " (KAM_OTEL_ENDPOINT)"
                : "off (--otel exports spans over OTLP)";
    }
}
