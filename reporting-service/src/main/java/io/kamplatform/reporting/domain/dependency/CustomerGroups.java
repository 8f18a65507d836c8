package io.kamplatform.reporting.domain.dependency;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The customer each account counts as. By GROUP each account rolls up to its top parent: groups under common control
 * count as one customer. A parent that is not in the portfolio becomes the group (its subsidiaries still count as one
 * customer); a parent chain that loops is cut and the loop's alphabetically first account becomes the group. Both are
 * reported as notes. By ACCOUNT every account is its own customer.
 */
final class CustomerGroups {

    final Map<String, String> groupOf = new TreeMap<>();
    final List<String> notes = new ArrayList<>();

    /** {@code accounts}: account id → its parent account id (null: none). */
    CustomerGroups(Map<String, DependencyInput> accounts, CustomerBasis basis) {
        for (String accountId : new java.util.TreeSet<>(accounts.keySet())) { // id order: notes never depend on input order
            groupOf.put(accountId, basis == CustomerBasis.ACCOUNT ? accountId : top(accountId, accounts));
        }
    }

    /** The accounts of customer {@code customerId}, in id order. */
    List<String> members(String customerId) {
        return groupOf.entrySet().stream().filter(e -> e.getValue().equals(customerId)).map(Map.Entry::getKey).toList();
    }

    private String top(String accountId, Map<String, DependencyInput> accounts) {
        LinkedHashSet<String> chain = new LinkedHashSet<>();
        String current = accountId;
        while (true) {
            chain.add(current);
            String parent = accounts.get(current).parentAccountId();
            if (parent == null || parent.isBlank() || parent.equals(current)) {
                return current;
            }
            if (!accounts.containsKey(parent)) {
                String note = "Parent " + parent + " is not in the portfolio: its accounts count as customer " + parent;
                if (!notes.contains(note)) {
                    notes.add(note);
                }
                return parent;
            }
            if (chain.contains(parent)) {
                List<String> loop = new ArrayList<>();
                boolean in = false;
                for (String id : chain) {
                    in |= id.equals(parent);
                    if (in) {
                        loop.add(id);
                    }
                }
                String root = loop.stream().sorted().findFirst().orElseThrow();
                String note = "Parent chain loops (" + String.join(" → ", loop.stream().sorted().toList())
                        + "): grouped under " + root;
                if (!notes.contains(note)) {
                    notes.add(note);
                }
                return root;
            }
            current = parent;
        }
    }
}
