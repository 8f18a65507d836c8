package io.kamplatform.crmimport;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Amount cells as CRMs write them, converted to the platform currency with the mapping's fixed rates. */
final class Amounts {

    private static final Pattern CODE = Pattern.compile("^([A-Za-z]{3})\\s*|\\s*([A-Za-z]{3})$");

    private final ImportMapping mapping;

    Amounts(ImportMapping mapping) {
        this.mapping = mapping;
    }

    /**
     * An amount converted to the platform currency; empty when unparseable or the currency has no rate. The currency
     * is the code or symbol in the cell, else the deal's currency cell, else {@code currency.default} (default: the
     * platform currency). Not rounded: amounts are rounded once, to cents, when an event is written.
     */
    Optional<BigDecimal> money(String raw, String currencyCell) {
        String text = raw.trim();
        String currency = currencyCell.isEmpty() ? mapping.defaultCurrency() : currencyCell.toUpperCase(Locale.ROOT);
        Matcher code = CODE.matcher(text);
        if (code.find()) {
            currency = (code.group(1) != null ? code.group(1) : code.group(2)).toUpperCase(Locale.ROOT);
            text = code.replaceFirst("");
        }
        if (text.startsWith("€") || text.endsWith("€")) {
            currency = "EUR";
            text = text.replace("€", "");
        } else if (text.startsWith("$")) {
            currency = "USD";
            text = text.substring(1);
        }
        Optional<BigDecimal> value = amount(text);
        if (value.isEmpty() || currency.equals(mapping.currency())) {
            return value;
        }
        BigDecimal rate = mapping.rates().get(currency);
        return rate == null ? Optional.empty() : Optional.of(value.get().multiply(rate));
    }

    /** "1,234.50", "1.234,50", "1234.5", "1 234,50" - not negative. */
    static Optional<BigDecimal> amount(String raw) {
        String text = raw.trim().replace(" ", "").replace("\u00a0", "").replace("'", "");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        int comma = text.lastIndexOf(',');
        int dot = text.lastIndexOf('.');
        if (comma >= 0 && dot >= 0) {
            text = comma > dot ? text.replace(".", "").replace(',', '.') : text.replace(",", "");
        } else if (comma >= 0) {
            boolean decimal = text.indexOf(',') == comma && text.length() - comma - 1 != 3;
            text = decimal ? text.replace(',', '.') : text.replace(",", "");
        }
        if (!text.matches("\\d+(\\.\\d+)?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(text));
    }
}
