package io.kamplatform.reporting.domain.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Portfolio plan coverage at asOf: key accounts without a current plan, plans due a review (none for
 * {@value PlanAssessment#REVIEW_DUE_DAYS} days), and overdue plan actions per key account manager (most first).
 */
public record PlanCoverage(Instant asOf, int keyAccounts, int withCurrentPlan, List<Account> withoutPlan,
                           List<Account> reviewDue, List<ManagerActions> overdueActionsByManager) {

    /** A key account as the coverage lists it. */
    public record Account(String accountId, String name, String managerId, String managerName, PlanStatus plan) {
    }

    /** A manager's overdue plan actions, over their key accounts' current plans. */
    public record ManagerActions(String managerId, String managerName, int overdueActions, List<String> accountIds) {
    }

    public static PlanCoverage of(List<Account> keyAccounts, Instant asOf) {
        List<Account> without = new ArrayList<>();
        List<Account> review = new ArrayList<>();
        Map<String, List<Account>> byManager = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        for (Account a : keyAccounts) {
            if (a.plan() == null) {
                without.add(a);
                continue;
            }
            if (a.plan().reviewDue()) {
                review.add(a);
            }
            if (a.plan().overdueActions() > 0) {
                byManager.computeIfAbsent(a.managerId(), m -> new ArrayList<>()).add(a);
            }
        }
        without.sort(Comparator.comparing(Account::accountId));
        review.sort(Comparator.comparing((Account a) -> a.plan().daysSinceReview() == null ? Long.MAX_VALUE
                : a.plan().daysSinceReview()).reversed().thenComparing(Account::accountId));
        List<ManagerActions> managers = new ArrayList<>();
        byManager.forEach((manager, accounts) -> managers.add(new ManagerActions(manager, accounts.get(0).managerName(),
                accounts.stream().mapToInt(a -> a.plan().overdueActions()).sum(),
                accounts.stream().map(Account::accountId).sorted().toList())));
        managers.sort(Comparator.comparingInt(ManagerActions::overdueActions).reversed()
                .thenComparing(ManagerActions::managerId, Comparator.nullsLast(Comparator.naturalOrder())));
        return new PlanCoverage(asOf, keyAccounts.size(), keyAccounts.size() - without.size(), List.copyOf(without),
                List.copyOf(review), List.copyOf(managers));
    }
}
