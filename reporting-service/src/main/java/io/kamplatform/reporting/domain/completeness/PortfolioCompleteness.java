package io.kamplatform.reporting.domain.completeness;

import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Whether the portfolio figures were computed from every event the producers committed: when not, how many events
 * are missing and which accounts lack them (sorted). The account reports list each account's missing versions.
 */
public record PortfolioCompleteness(boolean dataComplete, int accountsWithMissingEvents, long missingEvents,
                                    List<String> incompleteAccountIds) {

    public static PortfolioCompleteness of(Collection<String> incompleteAccountIds, long missingEvents) {
        List<String> sorted = incompleteAccountIds.stream().distinct().sorted().toList();
        return new PortfolioCompleteness(sorted.isEmpty(), sorted.size(), missingEvents, sorted);
    }

    public boolean isComplete(String accountId) {
        return Collections.binarySearch(incompleteAccountIds, accountId) < 0;
    }
}
