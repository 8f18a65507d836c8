package io.kamplatform.reporting.dashboard;

import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/** How figures read on the pages; the exact value stays in {@code data-value} attributes beside them. */
@TemplateExtension(namespace = "fmt")
public class Formats {

    private Formats() {
    }

    /** 14.02 -> "14.02%"; a missing figure reads "n/a". */
    static String pct(BigDecimal value) {
        return value == null ? "n/a" : value.setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** Money without cents, grouped: 12,345,678. */
    static String money(BigDecimal value) {
        return value == null ? "n/a" : NumberFormat.getIntegerInstance(Locale.ENGLISH).format(value.setScale(0, RoundingMode.HALF_UP));
    }

    /** The exact figure for tests and tools, as the API writes it. */
    static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    static String day(Instant instant) {
        return instant == null ? "never" : instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    /** An instant to the minute, UTC: 2026-11-30 16:25 UTC. */
    static String instant(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDateTime().withSecond(0).withNano(0).toString().replace('T', ' ') + " UTC";
    }

    static String date(java.time.OffsetDateTime time) {
        return time == null ? "" : time.toLocalDate().toString();
    }

    /** A score delta with its sign: +3, -12, or "n/a". */
    static String signed(Integer delta) {
        return delta == null ? "n/a" : (delta > 0 ? "+" : "") + delta;
    }

    /** The band's text and a shape, so that colour is never the only signal. */
    static String bandLabel(String band) {
        if (band == null) {
            return "— NO DATA";
        }
        return switch (band) {
            case "GREEN" -> "● GREEN";
            case "AMBER" -> "▲ AMBER";
            case "RED" -> "■ RED";
            default -> "— " + band.replace('_', ' ');
        };
    }

    /** An account's band as text and shape; "NO DATA" when it has no score. */
    static String healthBand(io.kamplatform.reporting.domain.health.KamHealth health) {
        return bandLabel(health.band() == null ? null : health.band().name());
    }

    /** The Pareto chart's note on thinning (see ParetoSample), empty when the whole curve is plotted. */
    static String plotted(io.kamplatform.reporting.domain.dependency.DependencyRisk risk) {
        return ParetoSample.note(risk);
    }

    /** A factor's score as a bar width in percent (0-100). */
    static int barWidth(BigDecimal score) {
        return score == null ? 0 : Math.max(0, Math.min(100, score.intValue()));
    }
}
