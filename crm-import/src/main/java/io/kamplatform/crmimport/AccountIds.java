package io.kamplatform.crmimport;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * The account id of a CRM row. With {@code accounts.idFrom} the export has no id column: the id is the slug of
 * the named column, and every reference to an account (parent, deals, contacts, activities) goes through the same
 * rule, so {@code subsidiary_of: acme corporation} finds {@code Acme Corporation}. Without it, the id column is
 * taken as it is.
 */
final class AccountIds {

    /** Letters that Unicode decomposition does not reduce to ASCII. */
    private static final Map<String, String> LETTERS = Map.ofEntries(Map.entry("ß", "ss"), Map.entry("æ", "ae"),
            Map.entry("œ", "oe"), Map.entry("ø", "o"), Map.entry("ł", "l"), Map.entry("đ", "d"), Map.entry("ð", "d"),
            Map.entry("þ", "th"), Map.entry("ı", "i"));
    private static final int MAX = 64;
    private static final int HASH_BYTES = 6;

    private final boolean derived;

    private AccountIds(boolean derived) {
        this.derived = derived;
    }

    static AccountIds of(ImportMapping mapping) {
        return new AccountIds(mapping.accountIdColumn() != null);
    }

    /** True when ids are slugs of names rather than an id column. */
    boolean derived() {
        return derived;
    }

    /** The account id a cell names. */
    String id(String cell) {
        return derived ? slug(cell) : cell;
    }

    /**
     * How two cells are recognised as the same spelling: case and whitespace ignored for names, exact for ids.
     * Two rows with the same key are duplicates; two with different keys but the same id collide.
     */
    String key(String cell) {
        return derived ? CsvReader.key(cell) : cell;
    }

    /**
     * The slug rule: letters reduced to ASCII (é → e, ß → ss), {@code &} read as "and", lower case, every run of
     * other characters one {@code -}, none at either end. A slug longer than 64 keeps its first 51 characters plus
     * {@code -} and 12 hex digits of its SHA-256; a name with no ASCII letter or digit left becomes {@code h-} and 12
     * hex digits of the SHA-256 of the name (trimmed, spaces collapsed, lower case). Always matches
     * {@code [A-Za-z0-9][A-Za-z0-9._:@-]{0,63}}.
     */
    static String slug(String name) {
        String text = Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "");
        StringBuilder ascii = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            String s = Character.toString(c);
            ascii.append(c == '&' ? " and " : LETTERS.getOrDefault(s, s));
        });
        String slug = ascii.toString().replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.isEmpty()) {
            return "h-" + EventIds.hash(CsvReader.key(name), HASH_BYTES);
        }
        if (slug.length() > MAX) {
            String hash = EventIds.hash(slug, HASH_BYTES);
            return slug.substring(0, MAX - 1 - 2 * HASH_BYTES).replaceAll("-+$", "") + "-" + hash;
        }
        return slug;
    }
}
