package io.kamplatform.relationship.domain.contract;

import io.kamplatform.kit.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The current state of a contract: the left fold of its events. Immutable; {@link #evolve} returns the next state.
 * {@code accountId} is fixed by the first event and null before it; {@code terminatedOn} is the termination's
 * effective date when one was given.
 */
public record Contract(
        String contractId,
        String accountId,
        ContractStatus status,
        LocalDate startsOn,
        LocalDate endsOn,
        Money annualValue,
        Money listValue,
        BigDecimal expectedMarginPct,
        String serviceLevel,
        boolean preferredSupplier,
        Set<String> concessionIds,
        LocalDate terminatedOn,
        long version) {

    public static Contract initial(String contractId) {
        return new Contract(contractId, null, ContractStatus.NONE, null, null, null, null, null, null, false, Set.of(),
                null, 0);
    }

    /** Folds a contract's history; the account id comes from the stored stream (the events do not repeat it). */
    public static Contract replay(String contractId, String accountId, Iterable<ContractEvent> history) {
        Contract state = initial(contractId);
        for (ContractEvent event : history) {
            state = state.evolve(accountId, event);
        }
        return state;
    }

    /** The next state; {@code accountId} is the account the event was recorded for, kept from the first event on. */
    public Contract evolve(String eventAccountId, ContractEvent event) {
        long next = version + 1;
        String owner = accountId != null ? accountId : eventAccountId;
        return switch (event) {
            case ContractSigned e -> new Contract(contractId, owner, ContractStatus.ACTIVE, e.startsOn(), e.endsOn(),
                    e.annualValue(), e.listValue(), e.expectedMarginPct(), e.serviceLevel(), e.preferredSupplier(),
                    concessionIds, terminatedOn, next);
            case ContractRenewed e -> new Contract(contractId, owner, status, startsOn, e.newEndsOn(),
                    e.annualValue(), e.listValue(), e.expectedMarginPct(), serviceLevel, preferredSupplier,
                    concessionIds, terminatedOn, next);
            case ContractAmended e -> new Contract(contractId, owner, status, startsOn, endsOn,
                    e.annualValue(), e.listValue(), e.expectedMarginPct(), serviceLevel, preferredSupplier,
                    concessionIds, terminatedOn, next);
            case ContractTerminated e -> new Contract(contractId, owner, ContractStatus.TERMINATED, startsOn, endsOn,
                    annualValue, listValue, expectedMarginPct, serviceLevel, preferredSupplier,
                    concessionIds, e.effectiveOn(), next);
            case ConcessionGranted e -> new Contract(contractId, owner, status, startsOn, endsOn,
                    annualValue, listValue, expectedMarginPct, serviceLevel, preferredSupplier,
                    add(concessionIds, e.concessionId()), terminatedOn, next);
        };
    }

    /** Signed and not terminated; a contract past its end date without renewal is still active (lapsed). */
    public boolean isActive() {
        return status == ContractStatus.ACTIVE;
    }

    private static Set<String> add(Set<String> set, String element) {
        Set<String> copy = new LinkedHashSet<>(set);
        copy.add(element);
        return Collections.unmodifiableSet(copy);
    }
}
