package io.kamplatform.bench.perf.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything a run measured: the table rows, context figures (load, catch-up, tools) and the correctness check. */
public final class Results {

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Object> context = new LinkedHashMap<>();
    private final Map<String, Object> correctness = new LinkedHashMap<>();

    public synchronized void add(Row row) {
        rows.add(row);
    }

    public synchronized void context(String key, Object value) {
        context.put(key, value);
    }

    public synchronized void correctness(String key, Object value) {
        correctness.put(key, value);
    }

    public synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    public synchronized Map<String, Object> context() {
        return new LinkedHashMap<>(context);
    }

    public synchronized Map<String, Object> correctness() {
        return new LinkedHashMap<>(correctness);
    }

    public static final String HEADER = "| workload | figure | ceiling (same run) | ratio | target | result |\n|---|---|---|---|---|---|";

    public String table() {
        StringBuilder table = new StringBuilder(HEADER).append('\n');
        for (Row r : rows()) {
            table.append("| ").append(r.workload()).append(' ').append(r.name()).append(" | ").append(r.figure())
                    .append(" | ").append(r.ceilingText()).append(" | ").append(r.ratio()).append(" | ")
                    .append(r.target()).append(" | ").append(r.result()).append(" |\n");
        }
        return table.toString();
    }

    public void print(PrintStream out) {
        out.println();
        out.print(table());
    }
}
