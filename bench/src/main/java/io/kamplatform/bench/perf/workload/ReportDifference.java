package io.kamplatform.bench.perf.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Whether two answers of the same report state the same figures. {@code readModel} is left out: it says how the answer
 * was read (summaries kept or computed now, when), which a rebuild changes by design, not what the report states.
 */
final class ReportDifference {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> HOW_READ = List.of("readModel");

    private ReportDifference() {
    }

    /** Null when the figures are equal; otherwise the JSON paths that differ (at most five). */
    static String of(String before, String after) throws IOException {
        JsonNode a = figures(JSON.readTree(before));
        JsonNode b = figures(JSON.readTree(after));
        if (a.equals(b)) {
            return null;
        }
        List<String> paths = new ArrayList<>();
        collect("", a, b, paths);
        return "dependency-risk report differs at " + String.join(", ", paths.subList(0, Math.min(5, paths.size())))
                + (paths.size() > 5 ? " and " + (paths.size() - 5) + " more" : "");
    }

    private static JsonNode figures(JsonNode report) {
        if (report instanceof ObjectNode object) {
            HOW_READ.forEach(object::remove);
        }
        return report;
    }

    private static void collect(String path, JsonNode a, JsonNode b, List<String> paths) {
        if (a == null || b == null || a.getNodeType() != b.getNodeType() || !(a.isObject() || a.isArray())) {
            if (a == null || !a.equals(b)) {
                paths.add(path.isEmpty() ? "/" : path);
            }
            return;
        }
        if (a.isArray()) {
            if (a.size() != b.size()) {
                paths.add(path + " (" + a.size() + " vs " + b.size() + " items)");
                return;
            }
            for (int i = 0; i < a.size(); i++) {
                collect(path + "/" + i, a.get(i), b.get(i), paths);
            }
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            collect(path + "/" + field.getKey(), field.getValue(), b.get(field.getKey()), paths);
        }
        b.fieldNames().forEachRemaining(name -> {
            if (!a.has(name)) {
                paths.add(path + "/" + name);
            }
        });
    }
}
