package io.kamplatform.reporting.domain.status;

import io.kamplatform.reporting.domain.Decimals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The key-account status review at asOf: accounts that meet a {@link KeyStatusCriteria} criterion but are not key
 * accounts (best first: most criteria met, then revenue), and key accounts that meet none (weakest first: revenue,
 * then potential), each with the reasons and the events behind them. Revenue and potential in a currency other than
 * the most common one are left out of the ranking (noted).
 */
public record KeyStatusReview(Instant asOf, KeyStatusCriteria criteria, String revenueCurrency,
                              @Schema(description = "the smallest T12 revenue in the top revenueTopPct (null: no revenue)")
                              BigDecimal revenueThreshold,
                              String potentialCurrency,
                              @Schema(description = "the smallest potential in the top potentialTopPct (null: none)")
                              BigDecimal potentialThreshold,
                              BigDecimal strategicPotentialThreshold,
                              List<Candidate> qualifyButNotKey, List<Candidate> keyButNoLongerQualify,
                              List<String> notes) {

    /** An account the review names, with why. */
    public record Candidate(String accountId, String name, String sector, BigDecimal revenue, BigDecimal potential,
                            int criteriaMet, List<String> reasons, List<String> eventIds) {
    }

    public static KeyStatusReview review(List<KeyStatusInput> accounts, KeyStatusCriteria criteria, Instant asOf) {
        List<String> notes = new ArrayList<>();
        String revenueCurrency = mostCommon(accounts.stream().filter(a -> positive(a.revenue()) && a.revenueCurrency() != null)
                .map(KeyStatusInput::revenueCurrency).toList());
        String potentialCurrency = mostCommon(accounts.stream().filter(a -> a.potential() != null
                && positive(a.potential().amount())).map(a -> a.potential().currency()).toList());
        Function<KeyStatusInput, BigDecimal> revenue = a -> positive(a.revenue())
                && a.revenueCurrency() != null && a.revenueCurrency().equals(revenueCurrency) ? a.revenue() : null;
        Function<KeyStatusInput, BigDecimal> potential = a -> a.potential() != null && positive(a.potential().amount())
                && a.potential().currency().equals(potentialCurrency) ? a.potential().amount() : null;
        for (KeyStatusInput a : accounts) {
            if (positive(a.revenue()) && a.revenueCurrency() != null && !a.revenueCurrency().equals(revenueCurrency)) {
                notes.add("Revenue of " + a.accountId() + " is in " + a.revenueCurrency() + ", not " + revenueCurrency
                        + ": not ranked");
            }
            if (a.potential() != null && positive(a.potential().amount())
                    && !a.potential().currency().equals(potentialCurrency)) {
                notes.add("Potential of " + a.accountId() + " is in " + a.potential().currency() + ", not "
                        + potentialCurrency + ": not ranked");
            }
        }
        List<BigDecimal> revenues = values(accounts, revenue);
        List<BigDecimal> potentials = values(accounts, potential);
        BigDecimal revenueAt = threshold(revenues, criteria.revenueTopPct());
        BigDecimal potentialAt = threshold(potentials, criteria.potentialTopPct());
        BigDecimal strategicAt = threshold(potentials, criteria.strategicPotentialTopPct());

        List<Candidate> qualify = new ArrayList<>();
        List<Candidate> lapsed = new ArrayList<>();
        for (KeyStatusInput a : accounts) {
            BigDecimal r = revenue.apply(a);
            BigDecimal p = potential.apply(a);
            List<String> met = new ArrayList<>();
            List<String> missed = new ArrayList<>();
            judge(met, missed, r, revenueAt, revenues, "T12 revenue", revenueCurrency, criteria.revenueTopPct());
            judge(met, missed, p, potentialAt, potentials, "Annual potential", potentialCurrency, criteria.potentialTopPct());
            if (a.sector() != null && criteria.strategicSectors().contains(a.sector())) {
                if (p != null && p.compareTo(strategicAt) >= 0) {
                    met.add("Strategic sector " + a.sector() + " with potential " + money(p, potentialCurrency)
                            + " in the top " + criteria.strategicPotentialTopPct() + "% (≥ "
                            + money(strategicAt, potentialCurrency) + ")");
                } else {
                    missed.add("Strategic sector " + a.sector() + " but potential below the top "
                            + criteria.strategicPotentialTopPct() + "%");
                }
            }
            if (!a.keyAccount() && !met.isEmpty()) {
                qualify.add(new Candidate(a.accountId(), a.name(), a.sector(), r, p, met.size(), met, a.eventIds()));
            } else if (a.keyAccount() && met.isEmpty()) {
                lapsed.add(new Candidate(a.accountId(), a.name(), a.sector(), r, p, 0, missed, a.eventIds()));
            }
        }
        qualify.sort(Comparator.comparingInt(Candidate::criteriaMet).reversed()
                .thenComparing(Candidate::revenue, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Candidate::accountId));
        lapsed.sort(Comparator.comparing(Candidate::revenue, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Candidate::potential, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Candidate::accountId));
        return new KeyStatusReview(asOf, criteria, revenueCurrency, revenueAt, potentialCurrency, potentialAt,
                strategicAt, List.copyOf(qualify), List.copyOf(lapsed), List.copyOf(notes));
    }

    private static void judge(List<String> met, List<String> missed, BigDecimal value, BigDecimal threshold,
                              List<BigDecimal> all, String what, String currency, int topPct) {
        if (threshold == null) {
            return;
        }
        if (value == null) {
            missed.add(what + ": none recorded");
            return;
        }
        int rank = 1 + (int) all.stream().filter(v -> v.compareTo(value) > 0).count();
        String ranked = money(value, currency) + " (rank " + rank + " of " + all.size() + ")";
        if (value.compareTo(threshold) >= 0) {
            met.add(what + " " + ranked + " in the top " + topPct + "% (≥ " + money(threshold, currency) + ")");
        } else {
            missed.add(what + " " + ranked + " below the top " + topPct + "% (" + money(threshold, currency) + ")");
        }
    }

    /** The value at rank ceil(pct/100 × n), largest first; null without values. */
    static BigDecimal threshold(List<BigDecimal> descending, int pct) {
        if (descending.isEmpty()) {
            return null;
        }
        int rank = (pct * descending.size() + 99) / 100;
        return descending.get(Math.max(1, rank) - 1);
    }

    private static List<BigDecimal> values(List<KeyStatusInput> accounts, Function<KeyStatusInput, BigDecimal> value) {
        return accounts.stream().map(value).filter(java.util.Objects::nonNull).sorted(Comparator.reverseOrder()).toList();
    }

    private static String mostCommon(List<String> currencies) {
        Map<String, Long> counts = new TreeMap<>();
        currencies.forEach(c -> counts.merge(c, 1L, Long::sum));
        return counts.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(null);
    }

    private static boolean positive(BigDecimal value) {
        return value != null && value.signum() > 0;
    }

    private static String money(BigDecimal amount, String currency) {
        return Decimals.plain(Decimals.two(amount)) + " " + currency;
    }
}
