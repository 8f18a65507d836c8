package io.kamplatform.reporting.domain.potential;

import io.kamplatform.reporting.domain.facts.AccountFacts;
import io.kamplatform.reporting.domain.facts.Interaction;
import io.kamplatform.reporting.domain.facts.Money;
import io.kamplatform.reporting.domain.facts.MonthWindow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What neglected potential needs of one account at asOf: its assessed potential (null: none), key-account status,
 * revenue currency and trailing-12-month revenue, and its last interaction of any kind by asOf; {@code eventIds} are
 * the events behind them (potential, revenue in the window, last interaction; empty when evidence was not asked for).
 */
public record NeglectedInput(String accountId, String name, boolean keyAccount, Money potential, String revenueCurrency,
        BigDecimal revenue, Instant lastInteractionAt, List<String> eventIds) {

    public static NeglectedInput of(AccountFacts a, Instant asOf, MonthWindow window) {
        Interaction last = a.interactions().values().stream().filter(i -> !i.occurredAt().isAfter(asOf))
                .max(Comparator.comparing(Interaction::occurredAt)).orElse(null);
        List<String> eventIds = new ArrayList<>();
        if (a.salesPotential() != null) {
            eventIds.add(a.salesPotential().eventId());
        }
        eventIds.addAll(a.revenueEventIds(window.from(), window.to()));
        if (last != null) {
            eventIds.addAll(last.eventIds());
        }
        return new NeglectedInput(a.accountId(), a.profile().name(), a.profile().keyAccount(),
                a.salesPotential() == null ? null : a.salesPotential().annualPotential(), a.revenueCurrency(),
                a.revenueOf(window.from(), window.to()), last == null ? null : last.occurredAt(),
                eventIds.stream().filter(java.util.Objects::nonNull).toList());
    }

    public NeglectedInput withoutEvidence() {
        return new NeglectedInput(accountId, name, keyAccount, potential, revenueCurrency, revenue, lastInteractionAt,
                List.of());
    }
}
