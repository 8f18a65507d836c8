package io.kamplatform.reporting.insight;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One change of conclusion, as published on {@code kam.insight.events}: key = the account id, or {@value #PORTFOLIO}
 * for portfolio-wide insights; {@code causes} = the ids of the events that caused it (empty when time alone changed
 * the conclusion: then {@code evaluatedOn} names the day of the scheduled pass that saw it); {@code details} = the
 * type's own fields, in order.
 */
public record Insight(String insightId, InsightType type, String key, String accountId, String managerId, String band,
                      Instant occurredAt, List<String> causes, LocalDate evaluatedOn, Map<String, Object> details) {

    public static final String PORTFOLIO = "portfolio";

    /**
     * The id of an insight, derived from what changed and why: the type, the key, what distinguishes the change
     * ({@code change}, e.g. the flag and its direction, or from and to) and the causes — or, without causes, the day of
     * the pass. Deriving the same change from the same causes again gives the same id, whichever instance or pass does.
     */
    public static String idOf(InsightType type, String key, List<String> change, List<String> causes, LocalDate day) {
        String input = type + "|" + key + "|" + String.join(",", change) + "|"
                + (causes.isEmpty() ? "day:" + day : "events:" + String.join(",", causes));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
            return "ins-" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JSON data of the record: the fields every insight has, then the type's own. */
    public Map<String, Object> payload() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("insightId", insightId);
        data.put("accountId", accountId);
        data.put("managerId", managerId);
        data.put("band", band);
        data.put("occurredAt", occurredAt.toString());
        data.put("causes", causes);
        data.put("evaluatedOn", evaluatedOn == null ? null : evaluatedOn.toString());
        data.putAll(details);
        return data;
    }
}
