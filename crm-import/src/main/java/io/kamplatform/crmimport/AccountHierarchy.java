package io.kamplatform.crmimport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The group structure of the valid account rows: how deep each account sits below its top parent (parents are
 * registered first), or why its parent keeps it out: the parent is unknown, its row was rejected (and why, which
 * may in turn be its own parent's rejection), the account is its own parent, or the parents form a cycle.
 */
final class AccountHierarchy {

    private final AccountIds ids;
    private final Map<String, Integer> lineOf = new HashMap<>();
    private final Map<String, String> cellOf = new HashMap<>();
    private final Map<String, String> parentCellOf = new HashMap<>();
    private final Map<String, String> rejectedRows = new HashMap<>();
    private final Map<String, Integer> depth = new HashMap<>();
    private final Map<String, String> problems = new HashMap<>();

    AccountHierarchy(AccountIds ids) {
        this.ids = ids;
    }

    /** A valid row: its account id, the cell the id comes from, and the parent cell ("" for none). */
    void add(String id, int line, String cell, String parentCell) {
        lineOf.put(id, line);
        cellOf.put(id, cell);
        parentCellOf.put(id, parentCell);
    }

    /** A rejected row, by the key of its id cell: children naming it say why it was rejected. */
    void rejected(String cell, int line, String reason) {
        rejectedRows.putIfAbsent(ids.key(cell), "line " + line + ": " + reason);
    }

    boolean contains(String id) {
        return lineOf.containsKey(id);
    }

    Integer line(String id) {
        return lineOf.get(id);
    }

    String cell(String id) {
        return cellOf.get(id);
    }

    /** Resolves every row; afterwards each has a {@link #depth} or a {@link #problems problem}. */
    void resolve() {
        lineOf.keySet().stream().sorted((a, b) -> Integer.compare(lineOf.get(a), lineOf.get(b)))
                .forEach(id -> walk(id, new ArrayList<>()));
    }

    /** Account id to depth (0 = no parent), for the accounts that can be registered. */
    Map<String, Integer> depth() {
        return depth;
    }

    /** Account id to why its parent keeps it out. */
    Map<String, String> problems() {
        return problems;
    }

    /** The parent's account id, or null when the account has none. */
    String parentId(String id) {
        String cell = parentCellOf.get(id);
        return cell.isEmpty() ? null : ids.id(cell);
    }

    private boolean walk(String id, List<String> chain) {
        if (depth.containsKey(id)) {
            return true;
        }
        if (problems.containsKey(id)) {
            return false;
        }
        int at = chain.indexOf(id);
        if (at >= 0) {
            List<String> cycle = chain.subList(at, chain.size());
            for (int i = 0; i < cycle.size(); i++) {
                StringBuilder text = new StringBuilder("parent accounts form a cycle: ");
                for (int j = 0; j <= cycle.size(); j++) {
                    text.append(j == 0 ? "" : " > ").append(cellOf.get(cycle.get((i + j) % cycle.size())));
                }
                problems.put(cycle.get(i), text.toString());
            }
            return false;
        }
        String parentCell = parentCellOf.get(id);
        if (parentCell.isEmpty()) {
            depth.put(id, 0);
            return true;
        }
        String parent = ids.id(parentCell);
        String key = ids.key(parentCell);
        boolean sameSpelling = contains(parent) && ids.key(cellOf.get(parent)).equals(key);
        if (!sameSpelling && rejectedRows.containsKey(key)) {
            problems.put(id, "parent account '" + parentCell + "' was rejected (" + rejectedRows.get(key) + ")");
            return false;
        }
        if (!contains(parent)) {
            problems.put(id, "unknown parent account '" + parentCell + "'");
            return false;
        }
        if (parent.equals(id)) {
            problems.put(id, "account '" + cellOf.get(id) + "' is its own parent");
            return false;
        }
        chain.add(id);
        boolean parentOk = walk(parent, chain);
        chain.remove(chain.size() - 1);
        if (problems.containsKey(id)) {
            return false; // on a cycle
        }
        if (!parentOk) {
            problems.put(id, "parent account '" + parentCell + "' was rejected (line " + lineOf.get(parent) + ": "
                    + problems.get(parent) + ")");
            return false;
        }
        depth.put(id, depth.get(parent) + 1);
        return true;
    }
}
