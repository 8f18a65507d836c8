package io.kamplatform.relationship.domain.contract;

import static io.kamplatform.kit.testing.GivenWhenThen.thenAccepted;
import static io.kamplatform.kit.testing.GivenWhenThen.thenRejected;
import static io.kamplatform.kit.testing.GivenWhenThen.thenRejectedOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kamplatform.kit.money.Money;
import io.kamplatform.kit.testing.GivenWhenThen;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Given events, when a fact is posted, then it is accepted (the event) or rejected (the rule's code). No infrastructure. */
class ContractDeciderTest {

    static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
    static final ContractDecider DECIDER = new ContractDecider("EUR");
    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate END = LocalDate.of(2027, 12, 31);
    static final BigDecimal MARGIN = new BigDecimal("18.5");
    static final ContractSigned SIGNED = signed(START, END, eur("900000"), eur("1000000"));
    static final ContractTerminated TERMINATED = new ContractTerminated("K-1", "moved to a competitor", LocalDate.of(2026, 9, 30));

    static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }

    static ContractSigned signed(LocalDate startsOn, LocalDate endsOn, Money annual, Money list) {
        return new ContractSigned("K-1", startsOn, endsOn, annual, list, MARGIN, "Premium 24/7", true);
    }

    static ContractRenewed renewed(LocalDate newEndsOn, Money annual, Money list) {
        return new ContractRenewed("K-1", newEndsOn, annual, list, new BigDecimal("15"));
    }

    static ConcessionGranted concession(String id, Money value) {
        return new ConcessionGranted("K-1", id, ConcessionKind.REBATE, value, "volume rebate");
    }

    static final GivenWhenThen<Contract, RecordContractEvent, ContractEvent> RULES = GivenWhenThen.of(DECIDER,
            history -> Contract.replay("K-1", "ACME", history),
            (event, occurredAt) -> new RecordContractEvent("ACME", event, occurredAt), NOW);

    static GivenWhenThen<Contract, RecordContractEvent, ContractEvent>.Scenario given(ContractEvent... history) {
        return RULES.given(history);
    }

    @Nested
    class Stream {
        @Test
        void aFactFromTheFutureIsRefused() {
            thenRejected(given().when(SIGNED, NOW.plusSeconds(301)), "OCCURRED_IN_FUTURE");
            thenAccepted(given().when(SIGNED, NOW.plusSeconds(299)), SIGNED);
        }

        @Test
        void theContractBelongsToTheAccountThatSignedIt() {
            thenRejected(given(SIGNED).whenCommand(new RecordContractEvent("OTHER", TERMINATED, NOW)), "CONTRACT_OF_ANOTHER_ACCOUNT");
            assertEquals("ACME", Contract.replay("K-1", "ACME", List.of(SIGNED)).accountId());
        }

        @Test
        void theEventNamesTheContractOfItsStream() {
            ContractSigned other = new ContractSigned("K-2", START, END, eur("1"), eur("1"), MARGIN, "Standard", false);
            thenRejectedOn(given().when(other), "CONTRACT_ID_MISMATCH", "contractId");
        }
    }

    @Nested
    class Signing {
        @Test
        void aContractIsSignedOnce() {
            thenAccepted(given().when(SIGNED), SIGNED);
            thenRejected(given(SIGNED).when(SIGNED), "CONTRACT_ALREADY_SIGNED");
            thenRejected(given(SIGNED, TERMINATED).when(SIGNED), "CONTRACT_ALREADY_SIGNED");
        }

        @Test
        void aContractEndsAfterItStarts() {
            thenRejectedOn(given().when(signed(START, START, eur("1"), eur("1"))), "END_NOT_AFTER_START", "endsOn");
            thenRejectedOn(given().when(signed(END, START, eur("1"), eur("1"))), "END_NOT_AFTER_START", "endsOn");
        }

        @Test
        void aContractMayStartInTheFuture() {
            ContractSigned nextYear = signed(LocalDate.of(2027, 1, 1), LocalDate.of(2029, 12, 31), eur("0"), eur("0"));
            thenAccepted(given().when(nextYear), nextYear);
        }

        @Test
        void foldTakesTheTerms() {
            Contract state = Contract.replay("K-1", "ACME", List.of(SIGNED));
            assertEquals(ContractStatus.ACTIVE, state.status());
            assertTrue(state.isActive());
            assertEquals(END, state.endsOn());
            assertEquals(eur("900000"), state.annualValue());
            assertTrue(state.preferredSupplier());
            assertEquals(1, state.version());
        }
    }

    @Nested
    class MoneyRules {
        @Test
        void annualValueEqualToListValueIsAccepted() {
            ContractSigned atList = signed(START, END, eur("1000.00"), eur("1000"));
            thenAccepted(given().when(atList), atList);
        }

        /** Premium pricing is real: a value above list (realisation over 100 %) is recorded as it is. */
        @Test
        void annualValueAboveListValueIsAccepted() {
            ContractSigned premium = signed(START, END, eur("1000.01"), eur("1000"));
            thenAccepted(given().when(premium), premium);
            ContractRenewed renewal = renewed(END.plusYears(1), eur("2"), eur("1"));
            thenAccepted(given(SIGNED).when(renewal), renewal);
            ContractAmended amendment = new ContractAmended("K-1", eur("2"), eur("1"), MARGIN, "x");
            thenAccepted(given(SIGNED).when(amendment), amendment);
            ContractSigned listFree = signed(START, END, eur("500"), eur("0"));
            thenAccepted(given().when(listFree), listFree);
        }

        @Test
        void negativeAmountsAreRefused() {
            thenRejectedOn(given().when(signed(START, END, eur("-1"), eur("10"))), "NEGATIVE_AMOUNT", "annualValue.amount");
            thenRejectedOn(given().when(signed(START, END, eur("0"), eur("-1"))), "NEGATIVE_AMOUNT", "listValue.amount");
            thenRejectedOn(given(SIGNED).when(concession("R-1", eur("-5"))), "NEGATIVE_AMOUNT", "value.amount");
        }

        @Test
        void anotherCurrencyIsRefused() {
            Money usd = new Money(new BigDecimal("10"), "USD");
            thenRejectedOn(given().when(signed(START, END, usd, eur("10"))), "CURRENCY_NOT_SUPPORTED", "annualValue.currency");
            thenRejectedOn(given().when(signed(START, END, eur("10"), usd)), "CURRENCY_NOT_SUPPORTED", "listValue.currency");
            thenRejectedOn(given(SIGNED).when(concession("R-1", usd)), "CURRENCY_NOT_SUPPORTED", "value.currency");
        }
    }

    @Nested
    class OnlyAnActiveContractChanges {
        static final ContractAmended AMENDED = new ContractAmended("K-1", eur("950000"), eur("1000000"), MARGIN, "scope added");

        @Test
        void nothingHappensToAnUnsignedContract() {
            thenRejected(given().when(renewed(END, eur("1"), eur("1"))), "CONTRACT_NOT_SIGNED");
            thenRejected(given().when(AMENDED), "CONTRACT_NOT_SIGNED");
            thenRejected(given().when(TERMINATED), "CONTRACT_NOT_SIGNED");
            thenRejected(given().when(concession("R-1", eur("1"))), "CONTRACT_NOT_SIGNED");
        }

        @Test
        void nothingHappensToATerminatedContract() {
            thenRejected(given(SIGNED, TERMINATED).when(renewed(END.plusYears(1), eur("1"), eur("1"))), "CONTRACT_TERMINATED");
            thenRejected(given(SIGNED, TERMINATED).when(AMENDED), "CONTRACT_TERMINATED");
            thenRejected(given(SIGNED, TERMINATED).when(TERMINATED), "CONTRACT_TERMINATED");
            thenRejected(given(SIGNED, TERMINATED).when(concession("R-1", eur("1"))), "CONTRACT_TERMINATED");
        }

        @Test
        void anActiveContractIsAmended() {
            thenAccepted(given(SIGNED).when(AMENDED), AMENDED);
            Contract state = Contract.replay("K-1", "ACME", List.of(SIGNED, AMENDED));
            assertEquals(eur("950000"), state.annualValue());
            assertEquals(END, state.endsOn());
        }
    }

    @Nested
    class Renewal {
        @Test
        void aRenewalExtendsTheValidityAndMayChangeValues() {
            ContractRenewed renewal = renewed(END.plusYears(2), eur("850000"), eur("1050000"));
            thenAccepted(given(SIGNED).when(renewal), renewal);
            Contract state = Contract.replay("K-1", "ACME", List.of(SIGNED, renewal));
            assertEquals(START, state.startsOn());
            assertEquals(END.plusYears(2), state.endsOn());
            assertEquals(eur("1050000"), state.listValue());
            assertEquals(new BigDecimal("15"), state.expectedMarginPct());
        }

        @Test
        void aRenewalRunsPastTheCurrentEnd() {
            thenRejectedOn(given(SIGNED).when(renewed(END, eur("1"), eur("1"))), "RENEWAL_NOT_EXTENDING", "newEndsOn");
            thenRejectedOn(given(SIGNED).when(renewed(END.minusMonths(6), eur("1"), eur("1"))), "RENEWAL_NOT_EXTENDING", "newEndsOn");
        }

        @Test
        void aLapsedContractMayStillBeRenewed() {
            ContractSigned lapsed = signed(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31), eur("1"), eur("1"));
            ContractRenewed late = renewed(LocalDate.of(2027, 12, 31), eur("1"), eur("1"));
            thenAccepted(given(lapsed).when(late), late);
        }
    }

    @Nested
    class Termination {
        @Test
        void anActiveContractIsTerminated() {
            thenAccepted(given(SIGNED).when(TERMINATED), TERMINATED);
            Contract state = Contract.replay("K-1", "ACME", List.of(SIGNED, TERMINATED));
            assertEquals(ContractStatus.TERMINATED, state.status());
            assertFalse(state.isActive());
            assertEquals(LocalDate.of(2026, 9, 30), state.terminatedOn());
        }

        @Test
        void aTerminationWithoutDateOrBeforeTheStartIsAccepted() {
            ContractTerminated undated = new ContractTerminated("K-1", "insolvency", null);
            ContractTerminated beforeStart = new ContractTerminated("K-1", "cancelled", START.minusDays(1));
            thenAccepted(given(SIGNED).when(undated), undated);
            thenAccepted(given(SIGNED).when(beforeStart), beforeStart);
        }

        @Test
        void aTerminationTakesEffectNoLaterThanTheEnd() {
            thenAccepted(given(SIGNED).when(new ContractTerminated("K-1", "x", END)), new ContractTerminated("K-1", "x", END));
            thenRejectedOn(given(SIGNED).when(new ContractTerminated("K-1", "x", END.plusDays(1))),
                    "TERMINATION_AFTER_END", "effectiveOn");
        }
    }

    @Nested
    class Concessions {
        @Test
        void aConcessionIdIsGrantedOnce() {
            ConcessionGranted rebate = concession("R-1", eur("25000"));
            thenAccepted(given(SIGNED).when(rebate), rebate);
            thenRejectedOn(given(SIGNED, rebate).when(rebate), "CONCESSION_ALREADY_GRANTED", "concessionId");
        }

        @Test
        void aConcessionWithoutMoneyValueIsAccepted() {
            ConcessionGranted terms = new ConcessionGranted("K-1", "PT-1", ConcessionKind.PAYMENT_TERMS, eur("0"), "90 days");
            thenAccepted(given(SIGNED).when(terms), terms);
        }

        @Test
        void foldCollectsConcessionIds() {
            Contract state = Contract.replay("K-1", "ACME", List.of(SIGNED, concession("R-1", eur("1")), concession("R-2", eur("2"))));
            assertEquals(Set.of("R-1", "R-2"), state.concessionIds());
            assertEquals(3, state.version());
        }
    }
}
