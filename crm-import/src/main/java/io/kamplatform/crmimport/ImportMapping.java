package io.kamplatform.crmimport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How a CRM export maps onto the platform's events, read from a YAML file (JSON works too). See IMPORT.md for a
 * complete example. Value lookups ({@link #value}) are case- and whitespace-insensitive and go through the
 * synonyms listed under each file's {@code values.<field>}.
 */
public record ImportMapping(
        char delimiter,
        String currency,
        String defaultCurrency,
        Map<String, BigDecimal> rates,
        List<DateTimeFormatter> dateFormats,
        LocalDate registeredOn,
        BigDecimal grossMarginPct,
        int contractTermMonths,
        String serviceLevel,
        Map<String, Map<String, String>> columns,
        Map<String, Map<String, Map<String, String>>> values,
        Map<String, String> stages,
        Map<String, JsonNode> sections) {

    public static final String ACCOUNTS = "accounts";
    public static final String DEALS = "deals";
    public static final String PRODUCTS = "products";
    public static final String CONTACTS = "contacts";
    public static final String ACTIVITIES = "activities";
    public static final String TEAMS = "teams";
    public static final String KEY_ACCOUNTS = "keyAccounts";
    public static final String PLANS = "plans";

    public static ImportMapping load(Path file) throws IOException {
        return parse(new ObjectMapper(new YAMLFactory()).readTree(file.toFile()));
    }

    public static ImportMapping parse(JsonNode root) {
        List<DateTimeFormatter> formats = new ArrayList<>();
        JsonNode dates = root.path("dateFormats");
        if (dates.isArray() && !dates.isEmpty()) {
            dates.forEach(p -> formats.add(DateTimeFormatter.ofPattern(p.asText(), Locale.ENGLISH)));
        } else {
            formats.add(DateTimeFormatter.ISO_LOCAL_DATE);
        }
        Map<String, BigDecimal> rates = new HashMap<>();
        root.path("currency").path("rates").fields().forEachRemaining(e -> rates.put(
                e.getKey().toUpperCase(Locale.ROOT), new BigDecimal(e.getValue().asText())));
        String platformCurrency = root.path("currency").isTextual() ? root.path("currency").asText()
                : root.path("currency").path("platform").asText("EUR");
        Map<String, Map<String, String>> columns = new HashMap<>();
        Map<String, Map<String, Map<String, String>>> values = new HashMap<>();
        Map<String, JsonNode> sections = new HashMap<>();
        for (String kind : List.of(ACCOUNTS, DEALS, PRODUCTS, CONTACTS, ACTIVITIES, TEAMS, KEY_ACCOUNTS, PLANS)) {
            JsonNode section = root.path(kind);
            sections.put(kind, section);
            columns.put(kind, strings(section.path("columns")));
            Map<String, Map<String, String>> fieldValues = new HashMap<>();
            section.path("values").fields().forEachRemaining(e -> {
                Map<String, String> synonyms = new HashMap<>();
                strings(e.getValue()).forEach((from, to) -> synonyms.put(CsvReader.key(from), to));
                fieldValues.put(e.getKey(), synonyms);
            });
            values.put(kind, fieldValues);
        }
        Map<String, String> stages = new HashMap<>();
        root.path(DEALS).path("stages").fields().forEachRemaining(e -> e.getValue().forEach(
                v -> stages.put(CsvReader.key(v.asText()), e.getKey().toUpperCase(Locale.ROOT))));
        JsonNode deals = root.path(DEALS);
        String defaultCurrency = root.path("currency").path("default").asText(platformCurrency)
                .toUpperCase(Locale.ROOT);
        return new ImportMapping(root.path("delimiter").asText(",").charAt(0), platformCurrency, defaultCurrency,
                rates, formats,
                LocalDate.parse(root.path("registeredOn").asText("2020-01-01")),
                new BigDecimal(deals.path("grossMarginPct").asText("30")),
                deals.path("contractTermMonths").asInt(12),
                deals.path("serviceLevel").asText("Standard"), columns, values, stages, sections);
    }

    /** The CSV column holding {@code field} in file {@code kind}, or null when not mapped. */
    public String column(String kind, String field) {
        return columns.getOrDefault(kind, Map.of()).get(field);
    }

    /**
     * The column whose slug is the account id when the export has no id column ({@code accounts.idFrom}: a field of
     * {@code accounts.columns} such as {@code name}, or a header), null when ids come from {@code accounts.columns.id}.
     */
    public String accountIdColumn() {
        String from = setting(ACCOUNTS, "idFrom", "");
        if (from.isEmpty()) {
            return null;
        }
        String column = column(ACCOUNTS, from);
        return column != null ? column : from;
    }

    /** A value normalised through the synonyms of {@code kind.values.field}; empty when no synonym matches. */
    public Optional<String> synonym(String kind, String field, String raw) {
        return Optional.ofNullable(values.getOrDefault(kind, Map.of()).getOrDefault(field, Map.of())
                .get(CsvReader.key(raw)));
    }

    /** WON, LOST or OPEN for a deal stage (case/whitespace-insensitive), empty when the stage is unknown. */
    public Optional<String> stage(String raw) {
        return Optional.ofNullable(stages.get(CsvReader.key(raw)));
    }

    /** A scalar setting of a file's section ({@code contacts.listSeparator}), or the default when absent. */
    public String setting(String kind, String key, String defaultValue) {
        JsonNode node = sections.getOrDefault(kind, com.fasterxml.jackson.databind.node.MissingNode.getInstance()).path(key);
        return node.isValueNode() && !node.isNull() ? node.asText() : defaultValue;
    }

    /** A list setting of a file's section ({@code activities.twoWayKinds}), or the default when absent. */
    public List<String> settings(String kind, String key, List<String> defaultValue) {
        JsonNode node = sections.getOrDefault(kind, com.fasterxml.jackson.databind.node.MissingNode.getInstance()).path(key);
        if (!node.isArray()) {
            return defaultValue;
        }
        List<String> list = new ArrayList<>();
        node.forEach(v -> list.add(v.asText()));
        return list;
    }

    /**
     * A value of a closed set ({@code DECIDER}, {@code EXECUTIVE}, ...): a synonym from {@code kind.values.field}
     * first, else the value itself when it names a member (case-insensitive, spaces and dashes as {@code _}).
     */
    public Optional<String> enumValue(String kind, String field, String raw, java.util.Set<String> allowed) {
        Optional<String> mapped = synonym(kind, field, raw).map(v -> v.trim().toUpperCase(Locale.ROOT));
        String candidate = mapped.orElseGet(() -> CsvReader.key(raw).toUpperCase(Locale.ROOT).replaceAll("[ -]", "_"));
        return allowed.contains(candidate) ? Optional.of(candidate) : Optional.empty();
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> map = new HashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
