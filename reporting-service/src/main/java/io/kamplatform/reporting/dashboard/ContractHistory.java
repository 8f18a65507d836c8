package io.kamplatform.reporting.dashboard;

import io.kamplatform.reporting.domain.facts.AccountFacts;
import io.kamplatform.reporting.domain.facts.Concession;
import io.kamplatform.reporting.domain.margin.DiscountChange;
import io.kamplatform.reporting.domain.margin.MarginPressure;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One contract's renegotiations and concessions, for the account page's margin section: the discount steps as margin
 * pressure computed them, and each concession as the facts record it, marked when it is in the margin report's
 * concession total (granted within its 12-month window), so the list and the total can be read against each other.
 */
public record ContractHistory(String contractId, List<DiscountChange> steps, List<ConcessionLine> concessions) {

    /** A concession granted on the contract; {@code inTotal}: counted in the report's 12-month concession total. */
    public record ConcessionLine(Concession concession, boolean inTotal) {
    }

    /** The contracts with a discount step or a concession, by contract id; the steps and concessions oldest first. */
    public static List<ContractHistory> of(AccountFacts facts, MarginPressure margin) {
        List<DiscountChange> steps = margin == null ? List.of() : margin.discountChanges();
        List<Concession> concessions = facts.concessions();
        Set<String> inTotal = margin == null || margin.concessionEventIds() == null ? Set.of()
                : Set.copyOf(margin.concessionEventIds());
        SortedSet<String> contracts = new TreeSet<>();
        steps.forEach(s -> contracts.add(s.contractId()));
        concessions.forEach(c -> contracts.add(c.contractId()));
        return contracts.stream().map(id -> new ContractHistory(id,
                steps.stream().filter(s -> s.contractId().equals(id)).toList(),
                concessions.stream().filter(c -> c.contractId().equals(id))
                        .map(c -> new ConcessionLine(c, inTotal.contains(c.eventId()))).toList())).toList();
    }
}
