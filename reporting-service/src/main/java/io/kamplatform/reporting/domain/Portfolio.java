package io.kamplatform.reporting.domain;

import io.kamplatform.reporting.domain.facts.AccountFacts;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Portfolio-wide helpers: reports never add currencies, so a portfolio figure is in one currency. */
public final class Portfolio {

    private Portfolio() {
    }

    /**
     * The revenue currency shared by most accounts (ties: alphabetical first); null when no account has revenue.
     * Accounts in another currency are left out of portfolio sums, and the report says so.
     */
    public static String revenueCurrency(Iterable<AccountFacts> accounts) {
        List<String> currencies = new java.util.ArrayList<>();
        accounts.forEach(a -> currencies.add(a.revenueCurrency()));
        return revenueCurrencyOf(currencies);
    }

    /** The same rule over each account's revenue currency (null: no revenue). */
    public static String revenueCurrencyOf(Iterable<String> accountCurrencies) {
        Map<String, Long> counts = new TreeMap<>();
        for (String c : accountCurrencies) {
            if (c != null) {
                counts.merge(c, 1L, Long::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(null);
    }

    /** Index by account id (the first of repeated ids wins). */
    public static Map<String, AccountFacts> byId(Iterable<AccountFacts> accounts) {
        Map<String, AccountFacts> byId = new java.util.LinkedHashMap<>();
        for (AccountFacts a : accounts) {
            byId.putIfAbsent(Objects.requireNonNull(a.accountId()), a);
        }
        return byId;
    }

}
