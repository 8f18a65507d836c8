package io.kamplatform.relationship.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Tracing as in production when asked for: SDK on, every trace sampled, spans exported within 50 ms. */
public class TracingOn implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.otel.sdk.disabled", "false",
                "quarkus.otel.traces.sampler", "always_on",
                "quarkus.otel.bsp.schedule.delay", "50ms");
    }
}
