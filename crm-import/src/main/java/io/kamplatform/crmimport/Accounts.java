package io.kamplatform.crmimport;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The accounts an import registered, for the rows of the other files that name them: a cell resolves through the
 * {@link AccountIds} rule to a registered account, or to why there is none (unknown, or its row was rejected and why).
 */
final class Accounts {

    /** The account id a cell names, or why it names none. */
    record Resolution(String id, String problem) {

        boolean found() {
            return id != null;
        }
    }

    /** A registered account: its row, and the cells the key-account rules read. */
    record Entry(String id, int line, LocalDate registeredOn, String owner, String keyAccount) {
    }

    private final AccountIds ids;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, String> keyOf = new HashMap<>();
    private final Map<String, String> rejectedByKey = new HashMap<>();

    Accounts(AccountIds ids) {
        this.ids = ids;
    }

    void registered(String key, Entry entry) {
        entries.put(entry.id(), entry);
        keyOf.put(entry.id(), key);
    }

    /** A rejected row, by the key of the cell that named it, with "file:line: reason". */
    void rejected(String key, String where) {
        rejectedByKey.putIfAbsent(key, where);
    }

    boolean contains(String id) {
        return entries.containsKey(id);
    }

    LocalDate registeredOn(String id) {
        return entries.get(id).registeredOn();
    }

    /** Every registered account, in the order of the accounts file. */
    List<Entry> entries() {
        return entries.values().stream().sorted(Comparator.comparingInt(Entry::line)).toList();
    }

    /**
     * The account a cell names: the registered account of that spelling first, else a rejected row of that spelling
     * (so a deal of a rejected account says why), else any registered account the rule maps the cell to.
     */
    Resolution resolve(String cell) {
        if (cell.isEmpty()) {
            return new Resolution(null, "missing account");
        }
        String id = ids.id(cell);
        String key = ids.key(cell);
        if (contains(id) && keyOf.get(id).equals(key)) {
            return new Resolution(id, null);
        }
        String rejected = rejectedByKey.get(key);
        if (rejected != null) {
            return new Resolution(null, "account '" + cell + "' was rejected (" + rejected + ")");
        }
        return contains(id) ? new Resolution(id, null) : new Resolution(null, "unknown account '" + cell + "'");
    }
}
