package io.kamplatform.relationship.domain.contract;

import static io.kamplatform.kit.decider.Rules.happened;
import static io.kamplatform.kit.decider.Rules.inCurrency;
import static io.kamplatform.kit.decider.Rules.none;
import static io.kamplatform.kit.decider.Rules.reject;
import static io.kamplatform.kit.decider.Rules.rejectField;

import io.kamplatform.kit.decider.Decider;
import io.kamplatform.kit.decider.Decision;
import io.kamplatform.kit.money.Money;
import io.kamplatform.kit.decider.Rejection;
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
public final class ContractDecider implements Decider<Contract, RecordContractEvent, ContractEvent> {

    private final String platformCurrency;

    public ContractDecider(String platformCurrency) {
        this.platformCurrency = platformCurrency;
    }

    @Override
    public Decision<ContractEvent> decide(Contract state, RecordContractEvent command, Instant now) {
        return Decision.acceptUnless(happened(command.occurredAt(), now).or(() -> firstRejection(state, command)),
                command.event());
    }

    private Optional<Rejection> firstRejection(Contract state, RecordContractEvent command) {
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
        return inCurrency(field, money, platformCurrency).or(() -> money.isNegative()
                ? rejectField(field + ".amount", "NEGATIVE_AMOUNT", "must not be negative")
                : none());
    }
}
