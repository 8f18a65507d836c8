package io.kamplatform.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Finds and stops what a launcher that died without stopping (kill -9, power cut of its terminal, ...) left
 * running on this home directory: service JVMs, the Kafka JVM and the PostgreSQL postmaster. They would hold the
 * ports, and a second postmaster cannot use the data directory anyway.
 *
 * <p>A process counts as ours only when its command line says so: JVMs carry {@link #tags}, the postmaster
 * names this home's data directory after {@code -D}. Candidates come from the run-state file (pid and start
 * instant must both match), from {@code postmaster.pid}, and from a scan of the processes this user can see, which
 * also catches a process started just before the launcher died, before it was recorded.
 */
final class Leftovers {

    private static final Duration SERVICE_GRACE = Duration.ofSeconds(20);
    private static final Duration KAFKA_GRACE = Duration.ofSeconds(30);
    private static final Duration POSTGRES_GRACE = Duration.ofSeconds(30);

    private final Path home;
    private final Path postgresData;

    Leftovers(Path home, Path postgresData) {
        this.home = home.toAbsolutePath().normalize();
        this.postgresData = postgresData.toAbsolutePath().normalize();
    }

    private static final String NAME_TAG = "-Dkam.local.process=";

    /**
     * The JVM options that mark a process as {@code name} started by the launcher of {@code home}. They change
     * nothing in the process; they come first on its command line.
     */
    static List<String> tags(Path home, String name) {
        return List.of(homeTag(home), NAME_TAG + name);
    }

    private static String homeTag(Path home) {
        return "-Dkam.local.home=" + home.toAbsolutePath().normalize();
    }

    /**
     * Stops every leftover (services, then Kafka, then PostgreSQL, like a normal stop) and returns a description
     * of each, e.g. {@code account-service (pid 123)}; empty when there was nothing.
     */
    List<String> stop(Properties previousRunState) {
        Map<Long, Leftover> found = find(previousRunState);
        List<String> stopped = new ArrayList<>();
        List<Leftover> services = found.values().stream().filter(l -> l.kind == Kind.SERVICE).toList();
        services.forEach(l -> l.process.destroy());
        for (Leftover l : services) {
            stopped.add(l.describe(Signals.terminate(l.process, SERVICE_GRACE)));
        }
        for (Leftover l : found.values()) {
            if (l.kind == Kind.KAFKA) {
                stopped.add(l.describe(Signals.terminate(l.process, KAFKA_GRACE)));
            }
        }
        for (Leftover l : found.values()) {
            if (l.kind == Kind.POSTGRES) {
                stopped.add(l.describe(Signals.interrupt(l.process, POSTGRES_GRACE)));
            }
        }
        return stopped;
    }

    Map<Long, Leftover> find(Properties previousRunState) {
        Map<Long, Leftover> found = new LinkedHashMap<>();
        for (ProcessRecord record : RunState.recorded(previousRunState)) {
            record.ifStillRunning().flatMap(this::classify).ifPresent(l -> found.put(l.process.pid(), l));
        }
        postmasterOfDataDirectory().flatMap(this::classify).ifPresent(l -> found.putIfAbsent(l.process.pid(), l));
        ProcessHandle self = ProcessHandle.current();
        ProcessHandle.allProcesses()
                .filter(p -> !p.equals(self))
                .forEach(p -> classify(p).ifPresent(l -> found.putIfAbsent(p.pid(), l)));
        return found;
    }

    /** The pid on the first line of {@code postmaster.pid}, if that process still runs. */
    private Optional<ProcessHandle> postmasterOfDataDirectory() {
        try {
            Path pidFile = postgresData.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            return ProcessHandle.of(Long.parseLong(first)).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException unreadable) {
            return Optional.empty();
        }
    }

    /** Ours, and what it is, judged by its command line only. */
    private Optional<Leftover> classify(ProcessHandle process) {
        List<String> args = arguments(process);
        if (args.contains(homeTag(home))) {
            String name = args.stream().filter(a -> a.startsWith(NAME_TAG)).findFirst()
                    .map(a -> a.substring(NAME_TAG.length())).orElse("a process");
            return Optional.of(new Leftover(process, name.equals("kafka") ? Kind.KAFKA : Kind.SERVICE, name));
        }
        int d = args.indexOf("-D");
        if (d >= 0 && d + 1 < args.size() && args.get(0).endsWith("postgres")
                && Path.of(args.get(d + 1)).toAbsolutePath().normalize().equals(postgresData)) {
            return Optional.of(new Leftover(process, Kind.POSTGRES, "postgres"));
        }
        return Optional.empty();
    }

    /**
     * The command line, program first. The JDK gives no argument list for command lines longer than a page; its
     * (truncated) command line still starts with the tags, which come first for that reason.
     */
    private static List<String> arguments(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        if (info.arguments().isPresent()) {
            List<String> args = new ArrayList<>();
            args.add(info.command().orElse(""));
            args.addAll(List.of(info.arguments().get()));
            return args;
        }
        return info.commandLine().map(line -> List.of(line.split(" "))).orElse(List.of());
    }

    enum Kind { SERVICE, KAFKA, POSTGRES }

    record Leftover(ProcessHandle process, Kind kind, String name) {
        String describe(boolean killed) {
            return name + " (pid " + process.pid() + (killed ? ", killed" : "") + ")";
        }
    }
}
