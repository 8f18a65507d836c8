package io.kamplatform.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LauncherOptionsTest {

    @Test
    void servicesGetTheHeapTheyHaveInKubernetesUnlessToldOtherwise() {
        assertEquals(System.getenv().getOrDefault("KAM_SERVICE_HEAP", "512m"), LauncherOptions.parse().serviceHeap());
        assertEquals("1g", LauncherOptions.parse("--service-heap", "1g").serviceHeap());
    }

    @Test
    void aHeapThatIsNotASizeIsRefusedWithTheOptionNamed() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> LauncherOptions.parse("--service-heap", "lots"));
        assertTrue(refused.getMessage().contains("--service-heap") && refused.getMessage().contains("lots"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LauncherOptions.parse("--service-heap", "512"));
    }
}
