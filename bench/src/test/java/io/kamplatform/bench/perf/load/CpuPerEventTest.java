package io.kamplatform.bench.perf.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CpuPerEventTest {

    @Test
    void dividesEachProcesssCoresByTheRateAndLeavesTheBenchAndTheRestOfTheMachineInCores() {
        Map<String, Double> cores = new LinkedHashMap<>();
        cores.put("account-service", 0.35);
        cores.put("reporting-service", 0.28);
        cores.put("postgres", 0.70);
        cores.put("bench", 0.10);
        cores.put("other", 0.05);
        Map<String, Double> databases = new TreeMap<>(Map.of("account", 0.35, "reporting", 0.28));
        assertEquals("280 events/s: CPU per event account-service 1.25 ms, reporting-service 1.00 ms, postgres 2.50 ms "
                        + "(account 1.25, reporting 1.00); the platform 1.33 cores of 2 (4.75 ms an event), bench 0.10, "
                        + "other 0.05",
                CpuPerEvent.describe(new CpuUse.Usage(cores, databases), 280, 2));
    }

    @Test
    void saysSoWhenNothingWasWritten() {
        assertEquals("no event written", CpuPerEvent.describe(new CpuUse.Usage(Map.of("postgres", 0.1), Map.of()), 0, 2));
    }
}
