package io.kamplatform.bench.perf.ceiling;

import io.kamplatform.bench.perf.load.Latencies;
import io.kamplatform.bench.perf.load.Measurement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * PostgreSQL's own load tool against the platform's PostgreSQL: runs a script at a concurrency for a duration and
 * returns transactions per second and latency percentiles (from pgbench's per-transaction log). pgbench comes from
 * the PATH; when it is missing, {@code bench/install-pgbench} installs Debian's {@code postgresql-contrib} (the zonky
 * binaries the platform runs ship initdb, pg_ctl and postgres only).
 */
public final class PgBench {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");

    private final String executable;
    private final int port;
    private final Path workDir;

    private PgBench(String executable, int port, Path workDir) {
        this.executable = executable;
        this.port = port;
        this.workDir = workDir;
    }

    /** Finds pgbench, installing it with the project's script when it is missing. */
    public static PgBench locate(Path repo, int port, Path workDir) throws IOException, InterruptedException {
        if (!works("pgbench")) {
            System.out.println("pgbench not found: installing it with bench/install-pgbench (Debian postgresql-contrib)");
            Process install = new ProcessBuilder(repo.resolve("bench/install-pgbench").toString()).inheritIO().start();
            if (install.waitFor() != 0 || !works("pgbench")) {
                throw new IllegalStateException("pgbench is not available and bench/install-pgbench could not install it");
            }
        }
        Files.createDirectories(workDir);
        return new PgBench("pgbench", port, workDir);
    }

    private static boolean works(String executable) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(executable, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    public String version() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(executable, "--version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        p.waitFor();
        return out;
    }

    /**
     * Runs {@code script} (pgbench syntax) with {@code clients} connections for {@code seconds}, prepared statements
     * (as the services' reactive client uses). Each transaction counts as {@code eventsPerTransaction} events.
     */
    public Measurement run(String name, String database, String script, int clients, int seconds,
                           int eventsPerTransaction, Map<String, String> variables) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(workDir.resolve(name));
        try (Stream<Path> old = Files.list(dir)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        Path file = dir.resolve("script.sql");
        Files.writeString(file, script);
        List<String> command = new ArrayList<>(List.of(executable, "-h", "localhost", "-p", Integer.toString(port),
                "-U", "postgres", "-n", "-M", "prepared", "-c", Integer.toString(clients), "-j",
                Integer.toString(Math.min(clients, 2)), "-T", Integer.toString(seconds), "-l", "--log-prefix",
                dir.resolve("tx").toString(), "-f", file.toString()));
        variables.forEach((k, v) -> command.addAll(List.of("-D", k + "=" + v)));
        command.add(database);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).directory(dir.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(seconds + 120L, TimeUnit.SECONDS) || p.exitValue() != 0 && !out.contains("tps =")) {
            throw new IllegalStateException("pgbench " + name + " failed:\n" + out);
        }
        Files.writeString(dir.resolve("output.txt"), out);
        Matcher tps = TPS.matcher(out);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench " + name + ": no tps in its output:\n" + out);
        }
        Matcher failed = FAILED.matcher(out);
        long errors = failed.find() ? Long.parseLong(failed.group(1)) : 0;
        String firstError = out.lines().filter(l -> l.contains("ERROR") || l.contains("aborted")).findFirst().orElse(null);
        if (firstError != null) {
            errors = Math.max(errors, 1);
        }
        Latencies latencies = transactionLog(dir);
        double rate = Double.parseDouble(tps.group(1));
        long transactions = Math.round(rate * seconds);
        Latencies merged = Latencies.merge(List.of(latencies));
        return new Measurement(transactions, transactions * eventsPerTransaction, errors, seconds,
                merged.percentileMillis(50), merged.percentileMillis(99), merged.percentileMillis(100), firstError);
    }

    /** pgbench -l writes "client transaction latency_us script epoch epoch_us" per transaction. */
    private static Latencies transactionLog(Path dir) throws IOException {
        Latencies latencies = new Latencies();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path log : files.filter(p -> p.getFileName().toString().startsWith("tx")).toList()) {
                try (Stream<String> lines = Files.lines(log)) {
                    lines.forEach(line -> {
                        String[] f = line.split(" ");
                        if (f.length >= 3 && !f[2].equals("skipped") && !f[2].equals("failed")) {
                            latencies.add(Long.parseLong(f[2]) * 1000);
                        }
                    });
                }
            }
        }
        return latencies;
    }
}
