package io.kamplatform.reporting.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What the URL of a page carries: the {@code asOf} every page shares and the page's own parameters (filters,
 * selection). Every link a page writes keeps {@code asOf}, so any view can be bookmarked and shared as it is.
 *
 * @param path   the page's path
 * @param asOf   the asOf as the user gave it (a date), or null for now
 * @param params the page's other parameters, in URL order; null values are left out
 */
public record ViewState(String path, String asOf, Map<String, String> params) {

    public static ViewState of(String path, String asOf, String... keyValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null && !keyValues[i + 1].isBlank()) {
                params.put(keyValues[i], keyValues[i + 1]);
            }
        }
        return new ViewState(path, asOf == null || asOf.isBlank() ? null : asOf, Map.copyOf(params));
    }

    /** Another page at the same asOf. */
    public String to(String otherPath) {
        return url(otherPath, Map.of());
    }

    /** Another page at the same asOf, with its own parameters. */
    public String to(String otherPath, String key, String value) {
        return url(otherPath, value == null ? Map.of() : Map.of(key, value));
    }

    /** An account's page at the same asOf. */
    public String account(String accountId) {
        return to("/accounts/" + accountId);
    }

    /** An account's plan page at the same asOf. */
    public String plan(String accountId) {
        return to("/accounts/" + accountId + "/plan");
    }

    /** This page at another offset of its list (0: the first page). */
    public String page(Integer offset) {
        return with("offset", offset == null || offset == 0 ? null : offset.toString());
    }

    /** This page with one parameter changed (null removes it). */
    public String with(String key, String value) {
        Map<String, String> changed = new LinkedHashMap<>(params);
        if (value == null) {
            changed.remove(key);
        } else {
            changed.put(key, value);
        }
        return url(path, changed);
    }

    /** This page without some of its parameters (e.g. its filters cleared). */
    public String without(String... keys) {
        Map<String, String> kept = new LinkedHashMap<>(params);
        for (String key : keys) {
            kept.remove(key);
        }
        return url(path, kept);
    }

    /** This page's own parameters, for the asOf form to send along as hidden fields. */
    public Map<String, String> hidden() {
        return params;
    }

    private String url(String target, Map<String, String> query) {
        StringJoiner parts = new StringJoiner("&");
        if (asOf != null) {
            parts.add("asOf=" + encode(asOf));
        }
        query.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> parts.add(encode(e.getKey()) + "=" + encode(e.getValue())));
        return parts.length() == 0 ? target : target + "?" + parts;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
