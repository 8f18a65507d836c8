package io.kamplatform.relationship.domain.contract;

import io.kamplatform.relationship.domain.Decision;
import io.kamplatform.relationship.domain.Money;
import io.kamplatform.relationship.domain.Rejection;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides whether a fact may be recorded on a contract, given the contract's current state.
 * Pure: no I/O, no clock of its own; everything it needs comes in as arguments, so the rules are tested with
 * given-events / when-command / then-events and nothing else. It returns the first broken rule.
 *
 * <p>Money is in the platform currency and never negative. The annual value may exceed the list value: premium
 * pricing is real (a realisation above 100 %, a negative discount), so it is recorded as it is. Contract dates may
 * lie in the future (a contract signed today may start next year); the fact itself (occurredAt) may not.
 */
public final class ContractDecider {

    /** Clocks of CRM systems drift; facts a little in the future are accepted, later ones are not. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final String platformCurrency;

    public ContractDecider(String platformCurrency) {
        this.platformCurrency = platformCurrency;
    }

    public Decision<ContractEvent> decide(Contract state, RecordContractEvent command, Instant now) {
        return firstRejection(state, command, now)
                .map(Decision::<ContractEvent>reject)
                .orElseGet(() -> Decision.accept(command.event()));
    }

    private Optional<Rejection> firstRejection(Contract state, RecordContractEvent command, Instant now) {
        if (command.occurredAt().isAfter(now.plus(CLOCK_SKEW))) {
            return reject("OCCURRED_IN_FUTURE", "occurredAt lies in the future; only facts that happened can be recorded");
        }
        ContractEvent event = command.event();
        if (!event.contractId().equals(state.contractId())) {
            return rejectField("contractId", "CONTRACT_ID_MISMATCH",
                    "the event names contract '" + event.contractId() + "' but is recorded on '" + state.contractId() + "'");
        }
        if (state.accountId() != null && !state.accountId().equals(command.accountId())) {
            return reject("CONTRACT_OF_ANOTHER_ACCOUNT",
                    "contract '" + state.contractId() + "' belongs to another account, not to '" + command.accountId() + "'");
        }
        return switch (event) {
            case ContractSigned e -> signing(state, e);
            case ContractRenewed e -> active(state)
                    .or(() -> e.newEndsOn().isAfter(state.endsOn()) ? none() : rejectField("newEndsOn",
                            "RENEWAL_NOT_EXTENDING", "a renewal must run past the current end date " + state.endsOn()))
                    .or(() -> values(e.annualValue(), e.listValue()));
            case ContractAmended e -> active(state).or(() -> values(e.annualValue(), e.listValue()));
            case ContractTerminated e -> active(state)
                    .or(() -> e.effectiveOn() != null && e.effectiveOn().isAfter(state.endsOn())
                            ? rejectField("effectiveOn", "TERMINATION_AFTER_END",
                                    "the contract ends on " + state.endsOn() + "; a termination cannot take effect later")
                            : none());
            case ConcessionGranted e -> active(state)
                    .or(() -> state.concessionIds().contains(e.concessionId())
                            ? rejectField("concessionId", "CONCESSION_ALREADY_GRANTED",
                                    "concession '" + e.concessionId() + "' was already granted")
                            : none())
                    .or(() -> amount("value", e.value()));
        };
    }

    private Optional<Rejection> signing(Contract state, ContractSigned e) {
        if (state.status() != ContractStatus.NONE) {
            return reject("CONTRACT_ALREADY_SIGNED", "contract '" + state.contractId()
                    + "' was already signed; renew or amend it, or sign a new contract under a new id");
        }
        if (!e.endsOn().isAfter(e.startsOn())) {
            return rejectField("endsOn", "END_NOT_AFTER_START", "a contract ends after it starts (" + e.startsOn() + ")");
        }
        return values(e.annualValue(), e.listValue());
    }

    /** Only a signed, not terminated contract is renewed, amended, terminated or given concessions. */
    private static Optional<Rejection> active(Contract state) {
        return switch (state.status()) {
            case NONE -> reject("CONTRACT_NOT_SIGNED", "contract '" + state.contractId() + "' has not been signed");
            case TERMINATED -> reject("CONTRACT_TERMINATED", "contract '" + state.contractId() + "' was terminated");
            case ACTIVE -> none();
        };
    }

    private Optional<Rejection> values(Money annualValue, Money listValue) {
        return amount("annualValue", annualValue).or(() -> amount("listValue", listValue));
    }

    private Optional<Rejection> amount(String field, Money money) {
        return currency(field, money).or(() -> money.isNegative()
                ? rejectField(field + ".amount", "NEGATIVE_AMOUNT", "must not be negative")
                : none());
    }

    private Optional<Rejection> currency(String field, Money money) {
        return money.currency().equals(platformCurrency) ? none() : rejectField(field + ".currency",
                "CURRENCY_NOT_SUPPORTED", "must be the platform currency " + platformCurrency);
    }

    private static Optional<Rejection> none() {
        return Optional.empty();
    }

    private static Optional<Rejection> reject(String code, String message) {
        return Optional.of(Rejection.of(code, message));
    }

    private static Optional<Rejection> rejectField(String field, String code, String message) {
        return Optional.of(Rejection.onField(field, code, message));
    }
}
