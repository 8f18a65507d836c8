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

    /** Points with their sign: +16.7, -4.2, 0.0. */
    static String signedPoints(BigDecimal points) {
        return points == null ? "n/a" : (points.signum() > 0 ? "+" : "") + points.toPlainString();
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

    /** A band as text and shape; "NO DATA" when there is none (a model that gives no band). */
    static String band(io.kamplatform.reporting.domain.health.Band band) {
        return bandLabel(band == null ? null : band.name());
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

    /** A plain number without trailing zeros (a target of 45, a progress of 2.5); "n/a" when missing. */
    static String num(BigDecimal value) {
        return value == null ? "n/a" : value.stripTrailingZeros().toPlainString();
    }

    /** Days since the last review: "7 days ago", or "never". */
    static String reviewAge(Long days) {
        return days == null ? "never" : days == 1 ? "1 day ago" : days + " days ago";
    }

    /** An objective's status as text and a shape, so that colour is never the only signal. */
    static String statusLabel(io.kamplatform.reporting.domain.plan.ObjectiveStatus status) {
        String text = status.name().replace('_', ' ');
        return switch (status) {
            case ON_TRACK -> "● " + text;
            case ACHIEVED -> "✓ " + text;
            case AT_RISK -> "▲ " + text;
            case OVERDUE -> "■ " + text;
            case MISSED -> "✕ " + text;
            case DROPPED -> "— " + text;
        };
    }

    /** Objectives by status in the statuses' order, leaving out those with none: "2 MISSED, 1 ON TRACK". */
    static String statusCounts(java.util.Map<io.kamplatform.reporting.domain.plan.ObjectiveStatus, Integer> counts) {
        if (counts == null || counts.isEmpty()) {
            return "no objective";
        }
        java.util.StringJoiner parts = new java.util.StringJoiner(", ");
        for (io.kamplatform.reporting.domain.plan.ObjectiveStatus status : io.kamplatform.reporting.domain.plan.ObjectiveStatus.values()) {
            Integer n = counts.get(status);
            if (n != null && n > 0) {
                parts.add(n + " " + status.name().replace('_', ' '));
            }
        }
        return parts.toString();
    }

    /** The statuses in their order with how many objectives have each (0 included), for the plan page's counts. */
    static java.util.List<StatusCount> statusList(java.util.Map<io.kamplatform.reporting.domain.plan.ObjectiveStatus, Integer> counts) {
        return java.util.Arrays.stream(io.kamplatform.reporting.domain.plan.ObjectiveStatus.values())
                .map(s -> new StatusCount(s, counts == null ? 0 : counts.getOrDefault(s, 0))).toList();
    }

    /** How a band changed from the base to the candidate model, in words and a sign. */
    static String changeLabel(io.kamplatform.reporting.domain.health.ModelComparison.Change change) {
        return switch (change) {
            case NONE -> "same band";
            case BETTER -> "▲ better";
            case WORSE -> "▼ worse";
            case LOST_BAND -> "— lost its band";
            case GAINED_BAND -> "+ gained a band";
        };
    }

    /** A transition as the summary names it ("GREEN->AMBER") in words: "GREEN → AMBER", no band read "no band". */
    static String transition(String key) {
        return key.replace("NONE", "no band").replace("->", " → ");
    }

    /** The rows of a list a page shows: "1–100 of 250"; "none" for an empty list. */
    static String range(int offset, int returned, int total) {
        if (total == 0) {
            return "none";
        }
        if (returned == 0) {
            return "none of " + total + " from row " + (offset + 1);
        }
        return (offset + 1) + "–" + (offset + returned) + " of " + total;
    }

    /** How many objectives have a status. */
    public record StatusCount(io.kamplatform.reporting.domain.plan.ObjectiveStatus status, int count) {
    }
}
