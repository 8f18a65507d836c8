package io.kamplatform.bench.perf.load;

import java.util.Map;

/**
 * What each process spent per event while a paced write load ran alone: cores × 1000 ÷ events per second, in CPU
 * milliseconds. Under W4 the writes and the readers share the machine's cores, so this says how much of it the writes
 * take before any reader asks (and which process to make cheaper).
 */
public final class CpuPerEvent {

    private CpuPerEvent() {
    }

    /**
     * "X events/s: CPU per event account-service 1.2 ms, postgres 2.3 ms (account 1.1, reporting 1.2), ...; the
     * platform N cores of M": every process but the benchmark and the rest of the machine, which are given in cores.
     */
    public static String describe(CpuUse.Usage usage, double eventsPerSecond, int machineCores) {
        Map<String, Double> cores = usage.cores();
        Map<String, Double> databaseCores = usage.databases();
        if (eventsPerSecond <= 0) {
            return "no event written";
        }
        StringBuilder text = new StringBuilder("%,.0f events/s: CPU per event".formatted(eventsPerSecond));
        double platform = 0;
        for (var e : cores.entrySet()) {
            if (e.getKey().equals("bench") || e.getKey().equals("other")) {
                continue;
            }
            platform += e.getValue();
            text.append(" %s %.2f ms".formatted(e.getKey(), millis(e.getValue(), eventsPerSecond)));
            if (e.getKey().equals("postgres") && !databaseCores.isEmpty()) {
                Map<String, Double> perEvent = new java.util.TreeMap<>();
                databaseCores.forEach((database, c) -> perEvent.put(database, millis(c, eventsPerSecond)));
                text.append(" (").append(CpuUse.figures(perEvent)).append(')');
            }
            text.append(',');
        }
        text.setLength(text.length() - 1);
        return text.append("; the platform %.2f cores of %d (%.2f ms an event), bench %.2f, other %.2f".formatted(platform,
                machineCores, millis(platform, eventsPerSecond), cores.getOrDefault("bench", 0.0),
                cores.getOrDefault("other", 0.0))).toString();
    }

    private static double millis(double cores, double eventsPerSecond) {
        return cores * 1000 / eventsPerSecond;
    }
}
