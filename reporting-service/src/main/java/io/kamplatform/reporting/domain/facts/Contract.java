package io.kamplatform.reporting.domain.facts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A contract with the account as of the fold's point in time. {@code terminatedAt} is when the termination was
 * recorded, {@code terminationEffectiveOn} its effective date when given. {@code termsHistory} keeps the annual and list
 * value of every step (signing, renewals, amendments) oldest first; {@code concessions} those granted on it.
 */
public record Contract(String contractId, ContractStatus status, LocalDate startsOn, LocalDate endsOn,
        Money annualValue, Money listValue, boolean preferredSupplier, Instant signedAt, Instant terminatedAt,
        LocalDate terminationEffectiveOn, List<Renewal> renewals, List<ContractTerms> termsHistory,
        List<Concession> concessions, List<String> eventIds) {

    /**
     * In force on {@code day}: started ({@code startsOn <= day}), not past its end date ({@code endsOn >= day}) and not
     * terminated. Both dates are inclusive, so a contract is current on its first and its last day; one signed but
     * starting later is not current yet, as one past its end date is not current any more. A termination counts from
     * the moment it is recorded, whatever its effective date.
     */
    public boolean isCurrentOn(LocalDate day) {
        return status == ContractStatus.ACTIVE && hasStartedBy(day) && !endsOn.isBefore(day);
    }

    /** Its start date is {@code day} or earlier. */
    public boolean hasStartedBy(LocalDate day) {
        return !startsOn.isAfter(day);
    }

    /** The day the contract stopped applying, or null while it still applies on {@code day}. */
    public LocalDate endedOn(LocalDate day) {
        if (status == ContractStatus.TERMINATED) {
            return terminationEffectiveOn != null && terminationEffectiveOn.isBefore(day)
                    ? terminationEffectiveOn : Dates.day(terminatedAt);
        }
        return endsOn.isBefore(day) ? endsOn : null;
    }

    /** Runs at least {@code years} whole years from start to end (inclusive of the end day). */
    public boolean spansAtLeastYears(int years) {
        return !startsOn.plusYears(years).isAfter(endsOn.plusDays(1));
    }
}
