package io.kamplatform.reporting.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kamplatform.reporting.domain.dependency.CustomerShare;
import io.kamplatform.reporting.domain.dependency.DependencyRisk;
import io.kamplatform.reporting.domain.dependency.ParetoPoint;
import io.kamplatform.reporting.domain.health.FactorScore;
import io.kamplatform.reporting.domain.health.KamHealth;
import io.kamplatform.reporting.domain.margin.QuarterMargin;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ECharts options for the dashboard's charts, built from the report figures as they are (no figure is computed here;
 * the browser only draws them). Every chart has ARIA on and its numbers again in a table beside it.
 */
@ApplicationScoped
public class ChartData {

    /** Bands and their colours; the pages say the band in words too. */
    private static final Map<String, String> BAND_COLOURS = Map.of("GREEN", "#2e7d32", "AMBER", "#b26a00",
            "RED", "#c62828", "NO_DATA", "#757575");

    private final ObjectMapper json;

    public ChartData(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Cumulative revenue share by customer rank, with the 80% line, N80 and the major customers marked; a large curve is
     * thinned for plotting ({@link ParetoSample}).
     */
    public Map<String, Object> pareto(DependencyRisk risk, String name) {
        List<Object[]> points = new ArrayList<>();
        for (ParetoPoint p : ParetoSample.of(risk)) {
            points.add(new Object[]{p.rank(), p.cumulativeSharePct()});
        }
        List<Map<String, Object>> majors = new ArrayList<>();
        for (CustomerShare c : risk.customers()) {
            if (c.major()) {
                majors.add(Map.of("name", c.customerId(), "coord", new Object[]{c.rank(), c.cumulativeSharePct()},
                        "value", c.sharePct() + "%"));
            }
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        lines.add(Map.of("yAxis", 80, "name", "80% of revenue"));
        if (risk.n80() != null) {
            lines.add(Map.of("xAxis", risk.n80(), "name", "N80 = " + risk.n80()));
        }
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("name", name);
        series.put("type", "line");
        series.put("showSymbol", false);
        series.put("data", points);
        series.put("markLine", Map.of("symbol", "none", "label", Map.of("formatter", "{b}"), "data", lines));
        series.put("markPoint", Map.of("symbol", "pin", "symbolSize", 36, "label", Map.of("formatter", "{b}"), "data", majors));
        return series;
    }

    public String paretoChart(DependencyRisk risk) {
        return write(base("Pareto curve: cumulative share of revenue by customer rank", "customers by rank",
                "cumulative % of revenue", List.of(pareto(risk, "cumulative share"))));
    }

    /** Before and after a customer leaves, on one chart. */
    public String stressChart(DependencyRisk before, DependencyRisk after) {
        return write(base("Pareto curve before and after", "customers by rank", "cumulative % of revenue",
                List.of(pareto(before, "before"), pareto(after, "after"))));
    }

    /** Key accounts per health band. */
    public String bands(Map<String, Integer> bands) {
        List<Map<String, Object>> data = new ArrayList<>();
        bands.forEach((band, count) -> data.add(Map.of("value", count, "name", band,
                "itemStyle", Map.of("color", BAND_COLOURS.getOrDefault(band, "#757575")))));
        return write(categoryBars("Key accounts per health band", List.copyOf(bands.keySet()), data));
    }

    /** Revenue at risk: known (priced at a score) and unknown (too little data), in the report's currency. */
    public String revenueAtRisk(DependencyRisk risk) {
        List<Map<String, Object>> data = List.of(
                Map.of("value", nz(risk.revenueAtRisk()), "name", "known risk", "itemStyle", Map.of("color", "#c62828")),
                Map.of("value", nz(risk.revenueWithUnknownRisk()), "name", "unknown risk", "itemStyle", Map.of("color", "#757575")));
        return write(categoryBars("Revenue at risk (" + risk.currency() + ")", List.of("known risk", "unknown risk"), data));
    }

    /** Each health factor's score (0-100) as a horizontal bar. */
    public String factors(KamHealth health) {
        List<String> names = health.factors().stream().map(FactorScore::name).toList();
        List<Object> scores = health.factors().stream().map(f -> (Object) f.score()).toList();
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("aria", Map.of("enabled", true));
        option.put("animation", false);
        option.put("grid", Map.of("left", 140, "right", 20, "top", 10, "bottom", 30));
        option.put("xAxis", Map.of("type", "value", "min", 0, "max", 100));
        option.put("yAxis", Map.of("type", "category", "data", names, "inverse", true));
        option.put("tooltip", Map.of());
        option.put("series", List.of(Map.of("type", "bar", "name", "score", "data", scores)));
        return write(option);
    }

    /** Health score at each month end, oldest first. */
    public String sparkline(List<HealthPoint> history) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("aria", Map.of("enabled", true));
        option.put("animation", false);
        option.put("grid", Map.of("left", 40, "right", 10, "top", 10, "bottom", 30));
        option.put("xAxis", Map.of("type", "category", "data", history.stream().map(HealthPoint::month).toList()));
        option.put("yAxis", Map.of("type", "value", "min", 0, "max", 100));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("series", List.of(Map.of("type", "line", "name", "health score",
                "data", history.stream().map(h -> (Object) h.score()).toList())));
        return write(option);
    }

    /** Gross margin percent per quarter. */
    public String marginByQuarter(List<QuarterMargin> quarters) {
        List<Map<String, Object>> data = new ArrayList<>();
        quarters.forEach(q -> data.add(Map.of("value", q.grossMarginPct() == null ? "-" : q.grossMarginPct(), "name", q.quarter())));
        return write(categoryBars("Gross margin % by quarter", quarters.stream().map(QuarterMargin::quarter).toList(), data));
    }

    private static Map<String, Object> base(String title, String xName, String yName, List<Map<String, Object>> series) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("aria", Map.of("enabled", true, "label", Map.of("description", title)));
        option.put("animation", false);
        option.put("grid", Map.of("left", 50, "right", 30, "top", 40, "bottom", 40));
        option.put("legend", Map.of("top", 0));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("xAxis", Map.of("type", "value", "name", xName, "nameLocation", "middle", "nameGap", 25, "min", 1));
        option.put("yAxis", Map.of("type", "value", "name", yName, "min", 0, "max", 100));
        option.put("series", series);
        return option;
    }

    private static Map<String, Object> categoryBars(String title, List<String> categories, List<Map<String, Object>> data) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("aria", Map.of("enabled", true, "label", Map.of("description", title)));
        option.put("animation", false);
        option.put("grid", Map.of("left", 70, "right", 10, "top", 10, "bottom", 30));
        option.put("tooltip", Map.of());
        option.put("xAxis", Map.of("type", "category", "data", categories));
        option.put("yAxis", Map.of("type", "value"));
        option.put("series", List.of(Map.of("type", "bar", "data", data, "label", Map.of("show", true, "position", "top"))));
        return option;
    }

    private static BigDecimal nz(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private String write(Map<String, Object> option) {
        try {
            return json.writeValueAsString(option);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart option not serialisable", e);
        }
    }
}
