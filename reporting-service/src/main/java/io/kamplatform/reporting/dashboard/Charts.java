package io.kamplatform.reporting.dashboard;

import java.util.Map;

/** The ECharts options of a page's charts, by name, as JSON for the {@code data-chart} attribute (escaped by Qute). */
public record Charts(Map<String, String> options) {

    public String json(String name) {
        String json = options.get(name);
        if (json == null) {
            throw new IllegalArgumentException("no chart " + name);
        }
        return json;
    }
}
