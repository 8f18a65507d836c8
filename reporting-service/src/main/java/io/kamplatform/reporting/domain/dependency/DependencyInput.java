package io.kamplatform.reporting.domain.dependency;

import io.kamplatform.reporting.domain.facts.AccountFacts;
import io.kamplatform.reporting.domain.facts.MonthWindow;
import java.math.BigDecimal;
import java.util.List;

/**
 * What dependency risk needs of one account at asOf: its parent (for groups), the currency of its revenue, its revenue
 * in the trailing-12-month window and the events behind it (empty when the caller did not ask for evidence). The fold
 * gives it ({@link #of}); the read models store it per account and point in time.
 */
public record DependencyInput(String accountId, String parentAccountId, String revenueCurrency, BigDecimal revenue,
        List<String> revenueEventIds) {

    public static DependencyInput of(AccountFacts facts, MonthWindow window) {
        return new DependencyInput(facts.accountId(), facts.profile().parentAccountId(), facts.revenueCurrency(),
                facts.revenueOf(window.from(), window.to()), facts.revenueEventIds(window.from(), window.to()));
    }

    public DependencyInput withoutEvidence() {
        return new DependencyInput(accountId, parentAccountId, revenueCurrency, revenue, List.of());
    }
}
