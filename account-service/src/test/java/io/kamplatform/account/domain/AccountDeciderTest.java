package io.kamplatform.account.domain;

import static io.kamplatform.kit.testing.GivenWhenThen.thenAccepted;
import static io.kamplatform.kit.testing.GivenWhenThen.thenRejected;
import static io.kamplatform.kit.testing.GivenWhenThen.thenRejectedOn;
import static org.assertj.core.api.Assertions.assertThat;

import io.kamplatform.kit.money.Money;
import io.kamplatform.kit.testing.GivenWhenThen;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Given events, when a fact is posted, then it is accepted (the event) or rejected (the rule's code). No infrastructure. */
class AccountDeciderTest {

    static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
    static final AccountDecider DECIDER = new AccountDecider("EUR");
    static final AccountRegistered REGISTERED = new AccountRegistered("Acme", "Manufacturing", "DE", null);
    static final KeyAccountDesignated DESIGNATED = new KeyAccountDesignated("80% of potential untapped");

    static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }

    static final GivenWhenThen<Account, RecordAccountEvent, AccountEvent> RULES = GivenWhenThen.of(DECIDER,
            history -> Account.replay("ACME", history),
            (event, occurredAt) -> new RecordAccountEvent("ACME", event, occurredAt, false), NOW);

    static GivenWhenThen<Account, RecordAccountEvent, AccountEvent>.Scenario given(AccountEvent... history) {
        return RULES.given(history);
    }

    @Nested
    class Registration {
        @Test
        void aNewAccountIsRegistered() {
            thenAccepted(given().when(REGISTERED), REGISTERED);
        }

        @Test
        void aSecondRegistrationIsRefused() {
            thenRejected(given(REGISTERED).when(REGISTERED), "ACCOUNT_ALREADY_REGISTERED");
        }

        @Test
        void aRegisteredParentGroupsTheAccount() {
            AccountRegistered child = new AccountRegistered("Acme Italia", "Manufacturing", "IT", "ACME-GROUP");
            thenAccepted(given().whenCommand(new RecordAccountEvent("ACME", child, NOW, true)), child);
        }

        @Test
        void anUnknownParentIsRefused() {
            AccountRegistered child = new AccountRegistered("Acme Italia", "Manufacturing", "IT", "NOBODY");
            thenRejectedOn(given().when(child, NOW), "PARENT_NOT_REGISTERED", "parentAccountId");
        }

        @Test
        void anAccountIsNotItsOwnParent() {
            AccountRegistered self = new AccountRegistered("Acme", "Manufacturing", "DE", "ACME");
            thenRejectedOn(given().whenCommand(new RecordAccountEvent("ACME", self, NOW, true)), "PARENT_IS_SELF", "parentAccountId");
        }
    }

    @Nested
    class UnregisteredAccount {
        @Test
        void nothingIsRecordedForAnUnregisteredAccount() {
            thenRejected(given().when(DESIGNATED), "ACCOUNT_NOT_REGISTERED");
            thenRejected(given().when(new RevenueRecognized(YearMonth.of(2026, 1), eur("10"), eur("5"), null)),
                    "ACCOUNT_NOT_REGISTERED");
            thenRejected(given().when(new AccountDetailsChanged("New", null, null)), "ACCOUNT_NOT_REGISTERED");
        }
    }

    @Nested
    class Details {
        @Test
        void detailsChangeWhenSomethingIsGiven() {
            AccountDetailsChanged renamed = new AccountDetailsChanged("Acme Group", null, null);
            thenAccepted(given(REGISTERED).when(renamed), renamed);
        }

        @Test
        void anEmptyChangeIsRefused() {
            thenRejected(given(REGISTERED).when(new AccountDetailsChanged(null, null, null)), "NOTHING_CHANGED");
        }

        @Test
        void foldKeepsFieldsThatWereNotChanged() {
            Account state = Account.replay("ACME", List.of(REGISTERED, new AccountDetailsChanged(null, "Chemicals", null)));
            assertThat(state.name()).isEqualTo("Acme");
            assertThat(state.sector()).isEqualTo("Chemicals");
            assertThat(state.version()).isEqualTo(2);
        }
    }

    @Nested
    class MoneyRules {
        @Test
        void potentialInThePlatformCurrencyIsAccepted() {
            SalesPotentialAssessed assessed = new SalesPotentialAssessed(eur("2500000"), "three plants");
            thenAccepted(given(REGISTERED).when(assessed), assessed);
        }

        @Test
        void anotherCurrencyIsRefused() {
            SalesPotentialAssessed usd = new SalesPotentialAssessed(new Money(new BigDecimal("10"), "USD"), "x");
            thenRejectedOn(given(REGISTERED).when(usd), "CURRENCY_NOT_SUPPORTED", "annualPotential.currency");
        }

        @Test
        void negativeAmountsAreRefused() {
            thenRejectedOn(given(REGISTERED).when(new SalesPotentialAssessed(eur("-1"), "x")),
                    "NEGATIVE_AMOUNT", "annualPotential.amount");
            thenRejectedOn(given(REGISTERED).when(new RevenueRecognized(YearMonth.of(2026, 1), eur("-100"), eur("5"), null)),
                    "NEGATIVE_AMOUNT", "revenue.amount");
            thenRejectedOn(given(REGISTERED).when(new RevenueRecognized(YearMonth.of(2026, 1), eur("100"), eur("-5"), null)),
                    "NEGATIVE_AMOUNT", "costOfSales.amount");
        }
    }

    @Nested
    class Revenue {
        static final YearMonth JAN = YearMonth.of(2026, 1);

        @Test
        void severalRecognitionsInAMonthAddUp() {
            Account state = Account.replay("ACME", List.of(REGISTERED,
                    new RevenueRecognized(JAN, eur("100.50"), eur("60"), "INV-1"),
                    new RevenueRecognized(JAN, eur("200.25"), eur("150"), "INV-2")));
            MonthlyRevenue january = state.revenueIn(JAN, "EUR");
            assertThat(january.revenue().amount()).isEqualByComparingTo("300.75");
            assertThat(january.costOfSales().amount()).isEqualByComparingTo("210");
            assertThat(january.grossMargin().amount()).isEqualByComparingTo("90.75");
        }

        @Test
        void revenueForAMonthAfterTheFactIsRefused() {
            RevenueRecognized future = new RevenueRecognized(YearMonth.of(2026, 7), eur("1"), eur("1"), null);
            thenRejectedOn(given(REGISTERED).when(future, NOW.minusSeconds(60)), "MONTH_IN_FUTURE", "month");
        }

        @Test
        void aMonthBefore1900IsRefused() {
            RevenueRecognized typo = new RevenueRecognized(YearMonth.of(-1, 1), eur("1"), eur("1"), null);
            thenRejectedOn(given(REGISTERED).when(typo), "MONTH_OUT_OF_RANGE", "month");
        }

        @Test
        void aFactFromTheFutureIsRefused() {
            thenRejected(given(REGISTERED).when(DESIGNATED, NOW.plusSeconds(3600)), "OCCURRED_IN_FUTURE");
        }

        @Test
        void aCorrectionMayLowerAMonth() {
            RevenueCorrected correction = new RevenueCorrected(JAN, eur("-40"), eur("-10"), "credit note CN-7");
            thenAccepted(given(REGISTERED, new RevenueRecognized(JAN, eur("100"), eur("60"), null)).when(correction), correction);
        }

        @Test
        void aCorrectionMayNotTakeAMonthBelowZero() {
            RevenueCorrected tooMuch = new RevenueCorrected(JAN, eur("-100.01"), eur("0"), "typo");
            thenRejected(given(REGISTERED, new RevenueRecognized(JAN, eur("100"), eur("60"), null)).when(tooMuch),
                    "CORRECTION_BELOW_ZERO");
        }
    }

    @Nested
    class KeyAccountStatus {
        @Test
        void aRegisteredAccountIsDesignatedOnce() {
            thenAccepted(given(REGISTERED).when(DESIGNATED), DESIGNATED);
            thenRejected(given(REGISTERED, DESIGNATED).when(DESIGNATED), "ALREADY_KEY_ACCOUNT");
        }

        @Test
        void noRevocationWithoutDesignation() {
            thenRejected(given(REGISTERED).when(new KeyAccountDesignationRevoked("lost")), "NOT_A_KEY_ACCOUNT");
        }

        @Test
        void aDesignationIsRevoked() {
            KeyAccountDesignationRevoked revoked = new KeyAccountDesignationRevoked("potential fell");
            thenAccepted(given(REGISTERED, DESIGNATED).when(revoked), revoked);
        }

        @Test
        void aManagerIsAssignedToKeyAccountsOnly() {
            KeyAccountManagerAssigned anna = new KeyAccountManagerAssigned("kam-anna", "Anna Rossi");
            thenRejected(given(REGISTERED).when(anna), "NOT_A_KEY_ACCOUNT");
            thenAccepted(given(REGISTERED, DESIGNATED).when(anna), anna);
            thenRejectedOn(given(REGISTERED, DESIGNATED, anna).when(anna), "MANAGER_ALREADY_ASSIGNED", "managerId");
        }

        @Test
        void revocationRemovesTheManager() {
            Account state = Account.replay("ACME", List.of(REGISTERED, DESIGNATED,
                    new KeyAccountManagerAssigned("kam-anna", "Anna Rossi"), new KeyAccountDesignationRevoked("x")));
            assertThat(state.keyAccount()).isFalse();
            assertThat(state.keyAccountManager()).isNull();
        }
    }

    @Nested
    class Team {
        static final AccountTeamMemberJoined LUCA = new AccountTeamMemberJoined("luca", "Luca Bianchi", TeamFunction.TECHNICAL);

        @Test
        void membersJoinOnce() {
            thenAccepted(given(REGISTERED).when(LUCA), LUCA);
            thenRejectedOn(given(REGISTERED, LUCA).when(LUCA), "ALREADY_TEAM_MEMBER", "memberId");
        }

        @Test
        void onlyMembersLeave() {
            AccountTeamMemberLeft left = new AccountTeamMemberLeft("luca", "moved to another region");
            thenRejectedOn(given(REGISTERED).when(left), "NOT_A_TEAM_MEMBER", "memberId");
            thenAccepted(given(REGISTERED, LUCA).when(left), left);
            assertThat(Account.replay("ACME", List.of(REGISTERED, LUCA, left)).team()).isEmpty();
        }
    }
}
