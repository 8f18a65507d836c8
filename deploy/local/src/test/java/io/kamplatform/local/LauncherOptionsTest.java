package io.kamplatform.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LauncherOptionsTest {

    @Test
    void servicesGetTheHeapTheyHaveInKubernetesUnlessToldOtherwise() {
        assertEquals(System.getenv().getOrDefault("KAM_SERVICE_HEAP", "448m"), LauncherOptions.parse().serviceHeap());
        assertEquals("1g", LauncherOptions.parse("--service-heap", "1g").serviceHeap());
    }

    @Test
    void aHeapThatIsNotASizeIsRefusedWithTheOptionNamed() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> LauncherOptions.parse("--service-heap", "lots"));
        assertTrue(refused.getMessage().contains("--service-heap") && refused.getMessage().contains("lots"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LauncherOptions.parse("--service-heap", "512"));
    }

    @AfterEach
    void forgetEndpoint() {
        System.clearProperty("KAM_OTEL_ENDPOINT");
    }

    @Test
    void tracingIsOffUnlessAskedAndThenOnForEveryServiceWithTheDefaultEndpoint() {
        assumeTrue(System.getenv("KAM_OTEL") == null && System.getenv("KAM_OTEL_ENDPOINT") == null, "KAM_OTEL* set here");
        LocalTracing off = LauncherOptions.parse().tracing();
        assertFalse(off.enabled());
        assertEquals(Map.of(), off.serviceEnvironment());

        LocalTracing on = LauncherOptions.parse("--no-demo", "--otel").tracing();
        assertTrue(on.enabled());
        assertEquals(Map.of("QUARKUS_OTEL_SDK_DISABLED", "false", "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4317"),
                on.serviceEnvironment());
    }

    @Test
    void theEndpointComesFromKamOtelEndpointAndMustBeAnHttpUrl() {
        System.setProperty("KAM_OTEL_ENDPOINT", "http://collector.example:4317");
        assertEquals("http://collector.example:4317",
                LauncherOptions.parse("--otel").tracing().serviceEnvironment().get("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT"));

        System.setProperty("KAM_OTEL_ENDPOINT", "collector:4317");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> LauncherOptions.parse("--otel"));
        assertTrue(refused.getMessage().contains("KAM_OTEL_ENDPOINT") && refused.getMessage().contains("collector:4317"),
                refused.getMessage());
        assertFalse(LauncherOptions.parse().tracing().enabled(), "a bad endpoint matters only when tracing is asked for");
    }

    @Test
    void theHelpNamesTheOtelOption() {
        assertTrue(LauncherOptions.USAGE.contains("--otel") && LauncherOptions.USAGE.contains("KAM_OTEL_ENDPOINT"));
    }
}
