package io.kamplatform.reporting.insight;

import java.util.List;

/**
 * What reporting-service last concluded about the whole portfolio: its major customers (share of trailing-12-month
 * revenue at or above 10%) counted by account and by group, sorted, and its concentration level on either basis.
 */
public record PortfolioConclusions(List<String> majorAccounts, List<String> majorGroups, String concentrationByAccount,
                                   String concentrationByGroup) {

    public PortfolioConclusions {
        majorAccounts = majorAccounts == null ? List.of() : majorAccounts.stream().sorted().toList();
        majorGroups = majorGroups == null ? List.of() : majorGroups.stream().sorted().toList();
    }
}
