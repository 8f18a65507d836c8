package io.kamplatform.reporting.domain.health;

import io.kamplatform.reporting.domain.facts.AccountFacts;
import io.kamplatform.reporting.domain.facts.Contract;
import io.kamplatform.reporting.domain.facts.ContractStatus;
import io.kamplatform.reporting.domain.facts.Dates;
import io.kamplatform.reporting.domain.facts.Renewal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Contract security: no current contract → 0; otherwise 80, +20 when any current contract names the supplier as
 * preferred, −40 when a current contract ends within 90 days of asOf and there was no two-way interaction in the 30
 * days to asOf (renewal at risk); clamped to 0..100. Current = not terminated and startsOn ≤ asOf's day ≤ endsOn (UTC).
 * No contract started by asOf = no data: a contract signed to start later is named but secures nothing yet (and
 * signing it must not lower health below what it was before). Not stale while a contract is current: its dates stay
 * valid however old the signature; otherwise stale when the newest contract event is old.
 */
final class ContractFactor {

    static final int BASE = 80;
    static final int PREFERRED_BONUS = 20;
    static final int RENEWAL_RISK_PENALTY = 40;
    static final int RENEWAL_WINDOW_DAYS = 90;
    static final int RECENT_CONTACT_DAYS = 30;

    private ContractFactor() {
    }

    static Assessed assess(AccountFacts facts, Instant asOf, HealthModel model) {
        HealthFactor factor = HealthFactor.CONTRACT_SECURITY;
        LocalDate day = Dates.day(asOf);
        List<Contract> upcoming = facts.contracts().values().stream()
                .filter(c -> !c.hasStartedBy(day) && c.status() == ContractStatus.ACTIVE)
                .sorted(Comparator.comparing(Contract::startsOn)).toList();
        if (facts.contracts().values().stream().noneMatch(c -> c.hasStartedBy(day))) {
            return Assessed.noData(factor, model, upcoming.isEmpty() ? "No contract ever recorded."
                    : "No contract in force yet: " + upcomingText(upcoming) + ".");
        }
        List<Contract> current = facts.currentContracts(day);
        boolean preferred = current.stream().anyMatch(Contract::preferredSupplier);
        List<Contract> endingSoon = current.stream()
                .filter(c -> !c.endsOn().isAfter(day.plusDays(RENEWAL_WINDOW_DAYS)))
                .sorted(Comparator.comparing(Contract::endsOn)).toList();
        boolean recentTwoWay = !facts.twoWayInteractionsSince(asOf.minus(Duration.ofDays(RECENT_CONTACT_DAYS))).isEmpty();
        boolean renewalAtRisk = !endingSoon.isEmpty() && !recentTwoWay;

        int points = current.isEmpty() ? 0
                : BASE + (preferred ? PREFERRED_BONUS : 0) - (renewalAtRisk ? RENEWAL_RISK_PENALTY : 0);
        BigDecimal score = Scores.oneDecimal(Scores.clamp(BigDecimal.valueOf(points)));

        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("currentContracts", current.size());
        inputs.put("preferredSupplier", preferred);
        inputs.put("endingWithin90Days", String.join(", ", endingSoon.stream().map(Contract::contractId).toList()));
        inputs.put("twoWayInteractionIn30Days", recentTwoWay);
        inputs.put("renewalAtRisk", renewalAtRisk);
        inputs.put("notStartedYet", String.join(", ", upcoming.stream().map(Contract::contractId).toList()));

        List<String> eventIds = new ArrayList<>();
        (current.isEmpty() ? facts.contracts().values().stream().filter(c -> c.hasStartedBy(day)).toList() : current)
                .forEach(c -> eventIds.addAll(c.eventIds()));

        Instant newest = facts.contracts().values().stream()
                .flatMap(c -> Stream.concat(Stream.of(c.signedAt(), c.terminatedAt()),
                        c.renewals().stream().map(Renewal::renewedAt)))
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        boolean stale = current.isEmpty() && Scores.olderThanDays(newest, asOf, model.staleAfterDays());

        String driver;
        String explanation;
        if (current.isEmpty()) {
            driver = "No active contract";
            long ended = facts.contracts().values().stream().filter(c -> c.hasStartedBy(day)).count();
            explanation = "No current contract (all " + ended + " ended or terminated)"
                    + (upcoming.isEmpty() ? "" : "; " + upcomingText(upcoming)) + ".";
        } else {
            String risk = renewalAtRisk ? "Contract " + endingSoon.get(0).contractId() + " ends on "
                    + endingSoon.get(0).endsOn() + " with no two-way interaction in " + RECENT_CONTACT_DAYS + " days"
                    : null;
            String notPreferred = preferred ? null : "Not preferred supplier on any active contract";
            driver = risk != null ? risk : notPreferred;
            explanation = current.size() + " current contract(s): base " + BASE
                    + (preferred ? ", +" + PREFERRED_BONUS + " preferred supplier" : ", not preferred supplier")
                    + (renewalAtRisk ? ", −" + RENEWAL_RISK_PENALTY + " renewal within " + RENEWAL_WINDOW_DAYS
                            + " days without a two-way interaction in " + RECENT_CONTACT_DAYS + " days" : "")
                    + (upcoming.isEmpty() ? "" : "; " + upcomingText(upcoming)) + ".";
        }
        return new Assessed(new FactorScore(factor.label(), score, model.weight(factor),
                Collections.unmodifiableMap(inputs), List.copyOf(eventIds), stale, explanation), driver);
    }

    private static String upcomingText(List<Contract> upcoming) {
        return String.join(", ", upcoming.stream()
                .map(c -> "contract " + c.contractId() + " starts on " + c.startsOn() + " (not in force yet)").toList());
    }
}
