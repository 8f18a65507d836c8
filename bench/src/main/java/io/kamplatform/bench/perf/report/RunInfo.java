package io.kamplatform.bench.perf.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The machine, date, commit and command of a run: what a figure is meaningless without. */
public final class RunInfo {

    private RunInfo() {
    }

    public static Map<String, Object> collect(Path repo, List<String> args, String mode) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("mode", mode);
        info.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        info.put("commit", git(repo, "rev-parse", "--short", "HEAD") + (git(repo, "status", "--porcelain",
                "--untracked-files=no").isBlank() ? "" : " (with uncommitted changes)"));
        info.put("command", ("bench/bench " + String.join(" ", args)).trim());
        info.put("cpu", cpu());
        info.put("cpus", Runtime.getRuntime().availableProcessors());
        info.put("memory", memory());
        info.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        info.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        info.put("loadAverageAtStart", loadAverage());
        return info;
    }

    /** The 1, 5 and 15 minute load averages: how busy the shared machine was. */
    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> "%.0f GiB".formatted(Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                    .findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String git(Path repo, String... args) {
        try {
            List<String> command = new java.util.ArrayList<>(List.of("git", "-C", repo.toString()));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor() == 0 ? out : "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }
}
