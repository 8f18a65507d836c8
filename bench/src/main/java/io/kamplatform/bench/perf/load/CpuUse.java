package io.kamplatform.bench.perf.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where the CPU went during a measurement: cores used by each platform process (PostgreSQL with all its backends), by
 * the benchmark itself, and by everything else on the machine (another engineer's build), from /proc (Linux; empty
 * elsewhere). It tells whether a figure was limited by the service, the database, the load tool or the neighbours.
 * PostgreSQL's share is also split by database (its backends' process titles name them), so the account-service's
 * appends and the reporting-service's projection and refolds show apart.
 */
public final class CpuUse {

    private static final double TICKS = 100.0; // USER_HZ on Linux

    private final Map<String, Long> pids;
    private final Sample start;
    private final long machineStart;
    private final long startNanos = System.nanoTime();

    /**
     * Cores used since the start: per process, "other" for the rest of the machine, and PostgreSQL's backends per
     * database (part of "postgres"; a backend connected since counts whole, one that disconnected meanwhile is missed).
     */
    public record Usage(Map<String, Double> cores, Map<String, Double> databases) {
    }

    /** CPU ticks of each named process and of PostgreSQL's backends per database, from one pass over /proc. */
    private record Sample(Map<String, Long> processes, Map<String, Long> databases) {
    }

    private CpuUse(Map<String, Long> pids) {
        this.pids = pids;
        this.start = sample();
        this.machineStart = machineTicks();
    }

    /** Starts counting for the named processes (the benchmark's own JVM is added as "bench"). */
    public static CpuUse start(Map<String, Long> pids) {
        Map<String, Long> all = new LinkedHashMap<>(pids);
        all.put("bench", ProcessHandle.current().pid());
        return new CpuUse(all);
    }

    /** Cores used per process since the start, and "other" for the rest of the machine. */
    public Map<String, Double> cores() {
        return usage().cores();
    }

    /** Every figure of {@link Usage}, from one reading. */
    public Usage usage() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Sample now = sample();
        Map<String, Double> cores = new LinkedHashMap<>();
        long ours = 0;
        for (var e : now.processes().entrySet()) {
            long used = e.getValue() - start.processes().getOrDefault(e.getKey(), 0L);
            ours += used;
            cores.put(e.getKey(), used / TICKS / seconds);
        }
        long machine = machineTicks() - machineStart;
        if (machine > 0) {
            cores.put("other", Math.max(0, (machine - ours) / TICKS / seconds));
        }
        Map<String, Double> databases = new TreeMap<>();
        now.databases().forEach((database, ticks) -> databases.put(database,
                (ticks - start.databases().getOrDefault(database, 0L)) / TICKS / seconds));
        return new Usage(cores, databases);
    }

    public String describe() {
        StringBuilder text = new StringBuilder("CPU cores:");
        Usage usage = usage();
        Map<String, Double> databases = usage.databases();
        usage.cores().forEach((name, value) -> {
            text.append(" %s %.2f".formatted(name, value));
            if (name.equals("postgres") && !databases.isEmpty()) {
                text.append(" (").append(figures(databases)).append(')');
            }
            text.append(',');
        });
        return text.substring(0, text.length() - 1);
    }

    /** "account 0.25, reporting 0.31": named figures with two decimals, in the map's order. */
    static String figures(Map<String, Double> values) {
        java.util.StringJoiner text = new java.util.StringJoiner(", ");
        values.forEach((name, value) -> text.add("%s %.2f".formatted(name, value)));
        return text.toString();
    }

    /**
     * The database a PostgreSQL client backend serves, from its process title ("postgres: user database
     * host(port) state"); null for the server's own processes (walwriter, autovacuum worker, ...).
     */
    static String database(String processTitle) {
        String[] words = processTitle.trim().split("\\s+");
        boolean client = words.length >= 4 && words[0].equals("postgres:")
                && (words[3].matches(".+\\(\\d+\\)") || words[3].equals("[local]"));
        return client ? words[2] : null;
    }

    private Sample sample() {
        Map<String, Long> processes = new LinkedHashMap<>();
        Map<String, Long> databases = new TreeMap<>();
        Map<Long, List<Long>> children = pids.containsKey("postgres") ? childrenByParent() : Map.of();
        pids.forEach((name, pid) -> {
            long total = processTicks(pid);
            if (name.equals("postgres")) {
                for (long child : children.getOrDefault(pid, List.of())) {
                    long used = processTicks(child);
                    total += used;
                    String database = databaseOf(child);
                    if (database != null) {
                        databases.merge(database, used, Long::sum);
                    }
                }
            }
            processes.put(name, total);
        });
        return new Sample(processes, databases);
    }

    private static String databaseOf(long backend) {
        try {
            return database(Files.readString(Path.of("/proc/" + backend + "/cmdline")).replace('\0', ' '));
        } catch (IOException | RuntimeException e) {
            return null; // the backend ended
        }
    }

    /** utime + stime of a process, including its children that exited (cutime, cstime). */
    private static long processTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static Map<Long, List<Long>> childrenByParent() {
        Map<Long, List<Long>> children = new LinkedHashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().matches("\\d+")).forEach(p -> {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    long ppid = Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
                    children.computeIfAbsent(ppid, k -> new java.util.ArrayList<>())
                            .add(Long.parseLong(p.getFileName().toString()));
                } catch (IOException | RuntimeException e) {
                    // the process ended
                }
            });
        } catch (IOException e) {
            // not Linux
        }
        return children;
    }

    private static long machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // user nice system idle iowait irq softirq steal: busy = all but idle and iowait
            long busy = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
