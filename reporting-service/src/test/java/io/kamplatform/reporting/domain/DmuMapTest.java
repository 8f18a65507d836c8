package io.kamplatform.reporting.domain;

import io.kamplatform.reporting.domain.dmu.DmuContact;
import io.kamplatform.reporting.domain.dmu.DmuMap;
import io.kamplatform.reporting.domain.dmu.FormerContact;
import io.kamplatform.reporting.domain.facts.AccountFacts;
import io.kamplatform.reporting.domain.facts.BuyingRole;
import io.kamplatform.reporting.domain.facts.ContactLevel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.kamplatform.reporting.domain.Facts.AS_OF;
import static io.kamplatform.reporting.domain.Facts.contact;
import static io.kamplatform.reporting.domain.Facts.daysAgo;
import static io.kamplatform.reporting.domain.Facts.interaction;
import static io.kamplatform.reporting.domain.Facts.met;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DmuMapTest {

    @Test
    void rolesWithHoldersAndUncoveredRoles() {
        AccountFacts facts = AccountFacts.fold(Facts.ACCOUNT, List.of(
                contact(daysAgo(100), "c1", "EXECUTIVE", "DECIDER", "SPONSOR"),
                contact(daysAgo(100), "c2", "OPERATIONAL", "BUYER"),
                contact(daysAgo(100), "c3", "MANAGEMENT", "USER"),
                contact(daysAgo(100), "c4", "MANAGEMENT", "DECIDER"),
                met(daysAgo(40), List.of("c1")), met(daysAgo(10), List.of("c1", "c3")),
                interaction(daysAgo(2), false, List.of("c1")), // one-way: not a two-way contact
                Facts.contactLeft(daysAgo(5), "c3")), AS_OF);
        DmuMap map = DmuMap.of(facts, AS_OF);

        List<DmuContact> deciders = map.roles().get(BuyingRole.DECIDER);
        assertEquals(List.of("c1", "c4"), deciders.stream().map(DmuContact::contactId).toList());
        assertEquals(ContactLevel.EXECUTIVE, deciders.get(0).level());
        assertEquals(daysAgo(10), deciders.get(0).lastTwoWayContactAt());
        assertNull(deciders.get(1).lastTwoWayContactAt());
        assertEquals("c1", map.roles().get(BuyingRole.SPONSOR).get(0).contactId());
        // c3 left, so USER is uncovered; nobody ever held INFLUENCER or GATEKEEPER.
        assertEquals(List.of(BuyingRole.INFLUENCER, BuyingRole.USER, BuyingRole.GATEKEEPER), map.uncoveredRoles());
        assertEquals(6, map.roles().size());
    }

    @Test
    void whoLeftIsListedLatestFirstWithTheRolesAndLevelTheyHeld() {
        AccountFacts facts = AccountFacts.fold(Facts.ACCOUNT, List.of(
                contact(daysAgo(300), "sponsor", "EXECUTIVE", "SPONSOR", "DECIDER"),
                contact(daysAgo(300), "buyer", "OPERATIONAL", "BUYER"),
                contact(daysAgo(300), "user", "MANAGEMENT", "USER"),
                Facts.contactLeft(daysAgo(90), "buyer"),
                Facts.contactLeft(daysAgo(40), "sponsor"),
                Facts.contactLeft(daysAgo(1).plusSeconds(7200), "user")), daysAgo(1)); // after asOf: still active
        DmuMap map = DmuMap.of(facts, daysAgo(1));

        assertEquals(List.of("sponsor", "buyer"), map.formerContacts().stream().map(FormerContact::contactId).toList());
        FormerContact sponsor = map.formerContacts().get(0);
        assertEquals(List.of(BuyingRole.DECIDER, BuyingRole.SPONSOR), sponsor.roles());
        assertEquals(ContactLevel.EXECUTIVE, sponsor.level());
        assertEquals(daysAgo(40), sponsor.leftAt());
        assertEquals(2, sponsor.eventIds().size(), "added and left");
        assertEquals(List.of("user"), map.roles().get(BuyingRole.USER).stream().map(DmuContact::contactId).toList());
        assertEquals(List.of(BuyingRole.DECIDER, BuyingRole.INFLUENCER, BuyingRole.BUYER, BuyingRole.GATEKEEPER,
                BuyingRole.SPONSOR), map.uncoveredRoles());
    }

    @Test
    void noContactsLeavesEveryRoleUncovered() {
        DmuMap map = DmuMap.of(AccountFacts.fold(Facts.ACCOUNT, List.of(), AS_OF), AS_OF);
        assertEquals(List.of(BuyingRole.values()), map.uncoveredRoles());
        assertEquals(List.of(), map.formerContacts());
    }
}
