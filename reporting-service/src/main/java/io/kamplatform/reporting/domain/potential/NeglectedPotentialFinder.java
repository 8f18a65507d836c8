package io.kamplatform.reporting.domain.potential;

import io.kamplatform.reporting.domain.Decimals;
import io.kamplatform.reporting.domain.Portfolio;
import io.kamplatform.reporting.domain.facts.AccountFacts;
import io.kamplatform.reporting.domain.facts.Interaction;
import io.kamplatform.reporting.domain.facts.MonthWindow;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Small customers with high potential that KAM neglects: non-key accounts whose assessed annual potential is in the
 * top quartile (≥ the 75th percentile by nearest rank — the value at rank ceil(0.75 × n) of the n positive potentials
 * in ascending order, key accounts included), whose penetration = trailing-12-month revenue / potential is below
 * 25%, and with no interaction of any kind in the 90 days to asOf. Potentials in a currency other than the most
 * common one are left out (noted). Listed by potential, largest first (ties by account id).
 */
public final class NeglectedPotentialFinder {

    static final int NO_CONTACT_DAYS = 90;
    static final BigDecimal PENETRATION_BELOW_PCT = BigDecimal.valueOf(25);

    private NeglectedPotentialFinder() {
    }

    public static NeglectedPotential find(List<AccountFacts> accounts, Instant asOf) {
        return findInputs(inputs(accounts, asOf), asOf);
    }

    /** Each account's inputs at asOf, from its fold (first of repeated ids wins). */
    public static List<NeglectedInput> inputs(List<AccountFacts> accounts, Instant asOf) {
        MonthWindow window = MonthWindow.trailing(asOf, 12);
        return Portfolio.byId(accounts).values().stream().map(a -> NeglectedInput.of(a, asOf, window)).toList();
    }

    /** The list from each account's {@link NeglectedInput} (e.g. as the read models keep them). */
    public static NeglectedPotential findInputs(List<NeglectedInput> accounts, Instant asOf) {
        MonthWindow window = MonthWindow.trailing(asOf, 12);
        Map<String, NeglectedInput> byId = new TreeMap<>();
        accounts.forEach(a -> byId.putIfAbsent(a.accountId(), a));
        List<NeglectedInput> all = List.copyOf(byId.values());
        Map<String, Long> currencies = new TreeMap<>();
        all.stream().filter(NeglectedPotentialFinder::hasPotential)
                .forEach(a -> currencies.merge(a.potential().currency(), 1L, Long::sum));
        String currency = currencies.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(null);
        List<String> notes = new ArrayList<>();
        List<NeglectedInput> rated = new ArrayList<>();
        for (NeglectedInput a : all) {
            if (!hasPotential(a)) {
                continue;
            }
            if (!a.potential().currency().equals(currency)) {
                notes.add("Potential of " + a.accountId() + " is in " + a.potential().currency()
                        + ", not " + currency + ": left out");
            } else {
                rated.add(a);
            }
        }
        if (rated.isEmpty()) {
            notes.add("No account has a positive assessed potential");
            return new NeglectedPotential(asOf, window, currency, 0, null, List.of(), List.copyOf(notes));
        }
        List<BigDecimal> sorted = rated.stream().map(a -> a.potential().amount()).sorted().toList();
        int rank = (3 * sorted.size() + 3) / 4; // ceil(0.75 × n)
        BigDecimal threshold = sorted.get(rank - 1);
        Instant quietSince = asOf.minus(Duration.ofDays(NO_CONTACT_DAYS));
        List<NeglectedAccount> neglected = new ArrayList<>();
        for (NeglectedInput a : rated) {
            BigDecimal potential = a.potential().amount();
            if (a.keyAccount() || potential.compareTo(threshold) < 0) {
                continue;
            }
            if (a.revenueCurrency() != null && !a.revenueCurrency().equals(currency)) {
                notes.add("Revenue of " + a.accountId() + " is in " + a.revenueCurrency() + ": penetration unknown");
                continue;
            }
            BigDecimal revenue = a.revenue();
            BigDecimal penetration = Decimals.pct(revenue, potential);
            Instant last = a.lastInteractionAt();
            boolean quiet = last == null || last.isBefore(quietSince);
            if (penetration.compareTo(PENETRATION_BELOW_PCT) < 0 && quiet) {
                neglected.add(new NeglectedAccount(a.accountId(), a.name(), potential, revenue,
                        Decimals.two(penetration), last, a.eventIds()));
            }
        }
        neglected.sort(Comparator.comparing(NeglectedAccount::potential).reversed()
                .thenComparing(NeglectedAccount::accountId));
        return new NeglectedPotential(asOf, window, currency, rated.size(), threshold, List.copyOf(neglected),
                List.copyOf(notes));
    }

    private static boolean hasPotential(NeglectedInput a) {
        return a.potential() != null && a.potential().amount().signum() > 0;
    }

}
