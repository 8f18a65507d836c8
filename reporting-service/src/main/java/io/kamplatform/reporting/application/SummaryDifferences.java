package io.kamplatform.reporting.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kamplatform.reporting.store.SummaryStore.Stored;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * Where a stored summary differs from the same summary folded again ({@link ReadModelAudit}): each document compared as
 * JSON, field order aside, numbers by value; a difference named with the document and its first-level fields, e.g.
 * {@code summary [sector]}.
 */
final class SummaryDifferences {

    /**
     * Numbers by value ({@code 1.0E+3} is {@code 1000}: a document that went through {@code jsonb} and back holds the
     * same figures), everything else as JSON.
     */
    static final Comparator<JsonNode> SAME_FIGURES = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

    private SummaryDifferences() {
    }

    /** The differences; empty when equal. The health report and trend only when stored (a rebuild's warm-up keeps none). */
    static List<String> between(ObjectMapper mapper, Stored stored, Stored folded) {
        List<String> differences = new ArrayList<>();
        differ(mapper, "summary", stored.summary(), folded.summary(), differences);
        differ(mapper, "evidence", stored.evidence(), folded.evidence(), differences);
        if (stored.keyAccount() != folded.keyAccount()) {
            differences.add("key_account");
        }
        if (stored.health() != null) {
            differ(mapper, "health", stored.health(), folded.health(), differences);
            differ(mapper, "trend", stored.trend(), folded.trend(), differences);
        }
        return List.copyOf(differences);
    }

    private static void differ(ObjectMapper mapper, String document, String stored, String folded,
                               List<String> differences) {
        JsonNode a = tree(mapper, stored);
        JsonNode b = tree(mapper, folded);
        if (a.equals(SAME_FIGURES, b)) {
            return;
        }
        TreeSet<String> fields = new TreeSet<>();
        for (JsonNode n : List.of(a, b)) {
            for (Iterator<String> names = n.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!a.path(name).equals(SAME_FIGURES, b.path(name))) {
                    fields.add(name);
                }
            }
        }
        differences.add(document + (fields.isEmpty() ? "" : " " + fields));
    }

    private static JsonNode tree(ObjectMapper mapper, String json) {
        try {
            return mapper.readTree(json == null ? "null" : json);
        } catch (JsonProcessingException e) {
            return mapper.getNodeFactory().textNode(json); // unreadable: differs from any fold
        }
    }
}
