package io.kamplatform.kit.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;

/** Renders Jackson's reference chain as the JSON path a client recognises, e.g. {@code items[2].data.month}. */
public final class JsonPaths {

    private JsonPaths() {
    }

    public static String of(String prefix, List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder(prefix == null ? "" : prefix);
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                out.append('[').append(reference.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "$" : out.toString();
    }
}
