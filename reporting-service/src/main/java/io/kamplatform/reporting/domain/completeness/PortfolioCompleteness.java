package io.kamplatform.reporting.domain.completeness;

import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Whether the portfolio figures were computed from every event the producers committed: when not, how many events
 * are missing ({@code missingEventCount}; the account reports list them as {@code missingEvents}) and which accounts
 * lack them (sorted).
 */
public record PortfolioCompleteness(boolean dataComplete, int accountsWithMissingEvents, long missingEventCount,
                                    List<String> incompleteAccountIds) {

    public static PortfolioCompleteness of(Collection<String> incompleteAccountIds, long missingEventCount) {
        List<String> sorted = incompleteAccountIds.stream().distinct().sorted().toList();
        return new PortfolioCompleteness(sorted.isEmpty(), sorted.size(), missingEventCount, sorted);
    }

    public boolean isComplete(String accountId) {
        return Collections.binarySearch(incompleteAccountIds, accountId) < 0;
    }
}
