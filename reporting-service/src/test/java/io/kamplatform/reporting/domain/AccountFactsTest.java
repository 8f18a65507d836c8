package io.kamplatform.reporting.domain;

import io.kamplatform.reporting.domain.facts.AccountFacts;
import io.kamplatform.reporting.domain.facts.BuyingRole;
import io.kamplatform.reporting.domain.facts.ContactLevel;
import io.kamplatform.reporting.domain.facts.ContractStatus;
import io.kamplatform.reporting.domain.facts.RecordedFact;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import static io.kamplatform.reporting.domain.Facts.AS_OF;
import static io.kamplatform.reporting.domain.Facts.daysAgo;
import static io.kamplatform.reporting.domain.Facts.fact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountFactsTest {

    static AccountFacts fold(RecordedFact... facts) {
        return AccountFacts.fold(Facts.ACCOUNT, List.of(facts), AS_OF);
    }

    @Nested
    class AsOfAndOrder {

        @Test
        void factsAfterAsOfAreIgnored() {
            AccountFacts facts = fold(
                    fact("a1", "AccountRegistered", daysAgo(10), "{'name':'Acme','parentAccountId':'GRP'}"),
                    fact("a2", "AccountDetailsChanged", AS_OF.plusSeconds(1), "{'name':'Acme Future'}"));
            assertEquals("Acme", facts.profile().name());
            assertEquals("GRP", facts.profile().parentAccountId());
            assertEquals(List.of("a1"), facts.profile().eventIds());
        }

        @Test
        void factAtExactlyAsOfIsApplied() {
            AccountFacts facts = fold(fact("a1", "AccountRegistered", AS_OF, "{'name':'Acme'}"));
            assertEquals("Acme", facts.profile().name());
        }

        @Test
        void appliedInOccurredAtOrderNotListOrder() {
            // The update comes first in the list but happened later: it must apply on top of the add.
            AccountFacts facts = fold(
                    fact("u", "ContactUpdated", daysAgo(1), "{'contactId':'c1','buyingRoles':['INFLUENCER'],'level':null}"),
                    Facts.contact(daysAgo(5), "c1", "EXECUTIVE", "DECIDER", "SPONSOR"));
            assertEquals(Set.of(BuyingRole.INFLUENCER), facts.contacts().get("c1").roles());
            assertEquals(ContactLevel.EXECUTIVE, facts.contacts().get("c1").level());
            assertTrue(facts.skippedEventIds().isEmpty());
        }

        @Test
        void tiesKeepTheGivenOrder() {
            AccountFacts facts = fold(
                    fact("a1", "AccountRegistered", daysAgo(3), "{'name':'First'}"),
                    fact("a2", "AccountDetailsChanged", daysAgo(3), "{'name':'Second'}"));
            assertEquals("Second", facts.profile().name());
        }
    }

    @Nested
    class Tolerance {

        @Test
        void factMissingANeededFieldIsSkippedNotFatal() {
            AccountFacts facts = fold(
                    fact("r1", "RevenueRecognized", daysAgo(3), "{'month':'2026-01','costOfSales':" + Facts.money("1") + "}"),
                    Facts.revenue("2026-01", "100.00"));
            assertEquals(List.of("r1"), facts.skippedEventIds());
            assertEquals(new BigDecimal("100.00"), facts.revenueByMonth().get(YearMonth.of(2026, 1)).revenue().amount());
        }

        @Test
        void unknownTypesAndFieldsAreIgnoredAndDuplicatesAppliedOnce() {
            RecordedFact revenue = fact("r1", "RevenueRecognized", daysAgo(3), "{'month':'2026-01','revenue':"
                    + Facts.money("10") + ",'costOfSales':" + Facts.money("4") + ",'newField':42}");
            AccountFacts facts = fold(fact("x", "SomethingNew", daysAgo(4), "{'a':1}"), revenue, revenue);
            assertEquals(new BigDecimal("10"), facts.revenueOf(YearMonth.of(2026, 1), YearMonth.of(2026, 1)));
            assertTrue(facts.skippedEventIds().isEmpty());
        }

        @Test
        void theSameIdFromAnotherSourceIsAnotherEvent() {
            RecordedFact fromAccounts = fact("same-id", "RevenueRecognized", daysAgo(3), "{'month':'2026-01','revenue':"
                    + Facts.money("10") + ",'costOfSales':" + Facts.money("4") + "}");
            RecordedFact fromElsewhere = new RecordedFact("same-id", "/kam-platform/other-service", fromAccounts.type(),
                    fromAccounts.accountId(), fromAccounts.occurredAt(), fromAccounts.data());
            AccountFacts facts = fold(fromAccounts, fromElsewhere, fromAccounts);
            assertEquals(new BigDecimal("20"), facts.revenueOf(YearMonth.of(2026, 1), YearMonth.of(2026, 1)));
        }

        @Test
        void resolvingAnUnknownRequestIsSkipped() {
            AccountFacts facts = fold(Facts.requestResolved(daysAgo(1), "SR-404"));
            assertTrue(facts.serviceRequests().isEmpty());
            assertEquals(1, facts.skippedEventIds().size());
        }
    }

    @Nested
    class Content {

        @Test
        void revenueOfAMonthAddsUpWithCorrections() {
            // 100.50 + 20.25 − 1.75 = 119.00
            AccountFacts facts = fold(Facts.revenue("2026-01", "100.50"), Facts.revenue("2026-01", "20.25"),
                    fact("c", "RevenueCorrected", daysAgo(1), "{'month':'2026-01','revenueDelta':" + Facts.money("-1.75")
                            + ",'costOfSalesDelta':" + Facts.money("0") + ",'reason':'credit note'}"));
            assertEquals(new BigDecimal("119.00"), facts.revenueByMonth().get(YearMonth.of(2026, 1)).revenue().amount());
            assertEquals(3, facts.revenueByMonth().get(YearMonth.of(2026, 1)).eventIds().size());
        }

        @Test
        void aRevenueFactWhoseCostIsInAnotherCurrencyIsSkippedAndFixesNoCurrency() {
            // the first fact is malformed (revenue in USD, cost in EUR): skipped, it must not make USD the account's
            // currency, which would skip every EUR fact after it
            RecordedFact mixed = fact("m", "RevenueRecognized", daysAgo(3), "{'month':'2026-01','revenue':"
                    + "{'amount':'50.00','currency':'USD'},'costOfSales':" + Facts.money("10.00") + ",'reference':'x'}");
            AccountFacts facts = fold(mixed, Facts.revenue("2026-01", "100.50"));
            assertEquals(List.of("m"), facts.skippedEventIds());
            assertEquals("EUR", facts.revenueCurrency());
            assertEquals(new BigDecimal("100.50"), facts.revenueByMonth().get(YearMonth.of(2026, 1)).revenue().amount());
        }

        @Test
        void contactLeftKeepsTheContactInactiveWithItsLeavingTime() {
            AccountFacts facts = fold(Facts.contact(daysAgo(20), "c1", "EXECUTIVE", "DECIDER"),
                    Facts.contactLeft(daysAgo(2), "c1"));
            assertFalse(facts.contacts().get("c1").active());
            assertEquals(daysAgo(2), facts.contacts().get("c1").leftAt());
            assertTrue(facts.activeContacts().isEmpty());
        }

        @Test
        void contractRenewalAndTerminationAreTracked() {
            AccountFacts facts = fold(
                    Facts.contract(daysAgo(100), "K1", "2026-01-01", "2026-06-30", true),
                    fact("ren", "ContractRenewed", daysAgo(50), "{'contractId':'K1','newEndsOn':'2027-06-30',"
                            + "'annualValue':" + Facts.money("1150000") + ",'listValue':" + Facts.money("1550000.00")
                            + ",'expectedMarginPct':16.25}"),
                    Facts.terminated(daysAgo(5), "K1"));
            var contract = facts.contracts().get("K1");
            assertEquals(LocalDate.parse("2027-06-30"), contract.endsOn());
            assertEquals(LocalDate.parse("2026-06-30"), contract.renewals().get(0).previousEndsOn());
            assertEquals(ContractStatus.TERMINATED, contract.status());
            assertEquals(daysAgo(5), contract.terminatedAt());
            assertEquals(3, contract.eventIds().size());
        }

        @Test
        void keyAccountManagerAndTeamAndFollowUp() {
            AccountFacts facts = fold(
                    fact("KeyAccountDesignated", daysAgo(30), "{'rationale':'r'}"),
                    fact("KeyAccountManagerAssigned", daysAgo(29), "{'managerId':'kam-1','name':'Giulia'}"),
                    fact("AccountTeamMemberJoined", daysAgo(28), "{'memberId':'u1','name':'Jonas','function':'TECHNICAL'}"),
                    fact("AccountTeamMemberJoined", daysAgo(28), "{'memberId':'u2','name':'Ada','function':'SERVICE'}"),
                    fact("AccountTeamMemberLeft", daysAgo(27), "{'memberId':'u1','reason':'moved'}"),
                    fact("i1", "InteractionRecorded", daysAgo(10), "{'interactionId':'int-1','kind':'CALL',"
                            + "'contactIds':[],'supplierParticipants':[{'participantId':'p','function':'SALES'}],"
                            + "'twoWay':false,'followUpDueOn':'2026-03-20'}"),
                    fact("f1", "FollowUpCompleted", daysAgo(2), "{'interactionId':'int-1','outcome':'ok'}"));
            assertTrue(facts.profile().keyAccount());
            assertEquals("kam-1", facts.manager().managerId());
            assertEquals(Set.of("u2"), facts.team().keySet());
            var interaction = facts.interactions().get("int-1");
            assertEquals(LocalDate.parse("2026-03-20"), interaction.followUpDueOn());
            assertEquals(daysAgo(2), interaction.followUpCompletedAt());
            assertEquals(List.of("i1", "f1"), interaction.eventIds());
        }

        @Test
        void revokingKeyAccountDropsTheManager() {
            AccountFacts facts = fold(
                    fact("KeyAccountDesignated", daysAgo(30), "{'rationale':'r'}"),
                    fact("KeyAccountManagerAssigned", daysAgo(29), "{'managerId':'kam-1','name':'Giulia'}"),
                    fact("KeyAccountDesignationRevoked", daysAgo(1), "{'reason':'closed'}"));
            assertFalse(facts.profile().keyAccount());
            assertNull(facts.manager());
        }
    }
}
