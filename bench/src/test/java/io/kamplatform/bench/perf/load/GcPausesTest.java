package io.kamplatform.bench.perf.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GcPausesTest {

    @Test
    void sumsEveryCollectorAndCauseAndIgnoresTheMax() {
        String exposition = """
                # HELP jvm_gc_pause_seconds Time spent in GC pause
                # TYPE jvm_gc_pause_seconds summary
                jvm_gc_pause_seconds_count{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} 7.0
                jvm_gc_pause_seconds_sum{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} 0.201
                jvm_gc_pause_seconds_count{action="end of minor GC",cause="G1 Humongous Allocation",gc="G1 Young Generation"} 3.0
                jvm_gc_pause_seconds_sum{action="end of minor GC",cause="G1 Humongous Allocation",gc="G1 Young Generation"} 0.3
                jvm_gc_pause_seconds_max{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} 0.088
                jvm_gc_overhead 0.01
                """;
        GcPauses.Totals totals = GcPauses.parse(exposition);
        assertEquals(10, totals.pauses());
        assertEquals(0.501, totals.seconds(), 1e-9);
    }

    @Test
    void countsG1sRemarkAndCleanupPausesButNotItsConcurrentPhases() {
        String exposition = """
                jvm_gc_pause_seconds_count{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} 7.0
                jvm_gc_pause_seconds_sum{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} 0.2
                jvm_gc_concurrent_phase_time_seconds_count{action="end of concurrent GC pause",cause="No GC",gc="G1 Concurrent GC"} 4.0
                jvm_gc_concurrent_phase_time_seconds_sum{action="end of concurrent GC pause",cause="No GC",gc="G1 Concurrent GC"} 0.3
                jvm_gc_concurrent_phase_time_seconds_max{action="end of concurrent GC pause",cause="No GC",gc="G1 Concurrent GC"} 0.172
                jvm_gc_concurrent_phase_time_seconds_count{action="end of concurrent GC cycle",cause="Concurrent Mark",gc="G1 Concurrent GC"} 2.0
                jvm_gc_concurrent_phase_time_seconds_sum{action="end of concurrent GC cycle",cause="Concurrent Mark",gc="G1 Concurrent GC"} 1.5
                """;
        GcPauses.Totals totals = GcPauses.parse(exposition);
        assertEquals(11, totals.pauses());
        assertEquals(0.5, totals.seconds(), 1e-9);
    }

    @Test
    void describesTheShareOfTheMeasurementPaused() {
        assertEquals("80 GC pauses, 5.60 s paused (14% of the time), mean 70 ms",
                GcPauses.describe(new GcPauses.Totals(80, 5.6), 40));
        assertEquals("0 GC pauses, 0.00 s paused (0% of the time), mean 0 ms",
                GcPauses.describe(new GcPauses.Totals(0, 0), 40));
    }
}
