package io.kamplatform.bench.perf.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a run as JSON and as markdown: always to {@code bench/target/bench/results.{json,md}}, and with
 * {@code --record} into {@code docs/benchmarks/<mode>.json} and the section of {@code docs/benchmarks.md} between
 * {@code <!-- bench:<mode>:begin -->} and {@code <!-- bench:<mode>:end -->}.
 */
public final class ResultsFile {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsFile() {
    }

    public static Path[] write(Path dir, Map<String, Object> info, Map<String, Object> portfolio, Results results)
            throws IOException {
        Files.createDirectories(dir);
        Path json = dir.resolve("results.json");
        Path md = dir.resolve("results.md");
        JSON.writeValue(json.toFile(), document(info, portfolio, results));
        Files.writeString(md, markdown(info, portfolio, results));
        return new Path[] {json, md};
    }

    public static void record(Path repo, Map<String, Object> info, Map<String, Object> portfolio, Results results)
            throws IOException {
        String mode = (String) info.get("mode");
        Path dir = Files.createDirectories(repo.resolve("docs/benchmarks"));
        JSON.writeValue(dir.resolve(mode + ".json").toFile(), document(info, portfolio, results));
        Path doc = repo.resolve("docs/benchmarks.md");
        String begin = "<!-- bench:" + mode + ":begin -->";
        String end = "<!-- bench:" + mode + ":end -->";
        String text = Files.exists(doc) ? Files.readString(doc) : "# Benchmarks\n";
        String section = begin + "\n" + markdown(info, portfolio, results) + end;
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        text = from >= 0 && to > from ? text.substring(0, from) + section + text.substring(to + end.length())
                : text + "\n" + section + "\n";
        Files.writeString(doc, text);
    }

    private static String minutes(Object seconds) {
        if (!(seconds instanceof Number n)) {
            return "?";
        }
        long s = n.longValue();
        return s < 120 ? s + " s" : "%d min %02d s".formatted(s / 60, s % 60);
    }

    private static Map<String, Object> document(Map<String, Object> info, Map<String, Object> portfolio, Results results) {
        Map<String, Object> doc = new LinkedHashMap<>(info);
        doc.put("portfolio", portfolio);
        doc.put("rows", results.rows());
        doc.put("context", results.context());
        doc.put("correctness", results.correctness());
        return doc;
    }

    static String markdown(Map<String, Object> info, Map<String, Object> portfolio, Results results) {
        StringBuilder md = new StringBuilder();
        md.append("`").append(info.get("command")).append("` — ").append(info.get("date")).append(", commit ")
                .append(info.get("commit")).append("  \n");
        md.append("Machine: ").append(info.get("cpus")).append(" × ").append(info.get("cpu")).append(", ")
                .append(info.get("memory")).append(", ").append(info.get("os")).append(", ").append(info.get("jdk"))
                .append("; load average ").append(info.get("loadAverageAtStart")).append(" at the start, ")
                .append(info.getOrDefault("loadAverageAtEnd", "?")).append(" at the end; the run took ")
                .append(minutes(info.get("seconds"))).append("  \n");
        md.append("Portfolio: ").append(portfolio).append("\n\n");
        md.append(results.table()).append('\n');
        Map<String, Object> correctness = results.correctness();
        md.append("Correctness after the load: ").append(correctness).append("\n");
        return md.toString();
    }
}
