package io.kamplatform.crmimport;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The product price list: list price by product name (case, spaces and punctuation ignored, synonyms applied). */
final class PriceList {

    private final ImportMapping mapping;
    private final Map<String, BigDecimal> prices = new HashMap<>();

    private PriceList(ImportMapping mapping) {
        this.mapping = mapping;
    }

    static PriceList empty(ImportMapping mapping) {
        return new PriceList(mapping);
    }

    static PriceList read(ImportContext context, Path path, ImportReport report) throws IOException {
        PriceList list = new PriceList(context.mapping);
        Map<String, Integer> firstLine = new HashMap<>();
        context.eachRow(path, report, row -> {
            String name = row.get(context.col(ImportMapping.PRODUCTS, "name"));
            String key = list.key(name);
            if (key.isEmpty()) {
                return "missing product name";
            }
            Integer first = firstLine.putIfAbsent(key, row.line());
            if (first != null) {
                return "duplicate product '" + name + "' (first on line " + first + ")";
            }
            String rawPrice = row.get(context.col(ImportMapping.PRODUCTS, "listPrice"));
            Optional<BigDecimal> price = context.amounts.money(rawPrice, "");
            if (price.isEmpty()) {
                firstLine.remove(key);
                return "unparseable amount '" + rawPrice + "'";
            }
            list.prices.put(key, price.get());
            return null;
        });
        return list;
    }

    boolean isEmpty() {
        return prices.isEmpty();
    }

    /** The list price of a product, empty when the list does not name it. */
    Optional<BigDecimal> price(String product) {
        return Optional.ofNullable(prices.get(key(product)));
    }

    private String key(String name) {
        String canonical = mapping.synonym(ImportMapping.PRODUCTS, "name", name).orElse(name);
        return canonical.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
