package io.kamplatform.reporting.domain.dmu;

import io.kamplatform.reporting.domain.facts.AccountFacts;
import io.kamplatform.reporting.domain.facts.BuyingRole;
import io.kamplatform.reporting.domain.facts.Contact;
import io.kamplatform.reporting.domain.facts.Interaction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who holds each of the six buying roles at the account: the active contacts, their level and their last two-way
 * contact (the contacts of a role in contact order). {@code uncoveredRoles} are roles no active contact holds;
 * {@code formerContacts} are those who left by asOf, the latest departure first.
 */
public record DmuMap(String accountId, Instant asOf, Map<BuyingRole, List<DmuContact>> roles,
        List<BuyingRole> uncoveredRoles, List<FormerContact> formerContacts) {

    public static DmuMap of(AccountFacts facts, Instant asOf) {
        Map<String, Interaction> lastMet = new HashMap<>();
        facts.interactions().values().stream()
                .filter(i -> i.twoWay() && !i.occurredAt().isAfter(asOf))
                .sorted(Comparator.comparing(Interaction::occurredAt))
                .forEach(i -> i.contactIds().forEach(id -> lastMet.put(id, i)));
        Map<BuyingRole, List<DmuContact>> roles = new EnumMap<>(BuyingRole.class);
        List<BuyingRole> uncovered = new ArrayList<>();
        for (BuyingRole role : BuyingRole.values()) {
            List<DmuContact> holders = new ArrayList<>();
            for (Contact c : facts.activeContacts()) {
                if (c.roles().contains(role)) {
                    Interaction last = lastMet.get(c.contactId());
                    List<String> ids = new ArrayList<>(c.eventIds());
                    if (last != null) {
                        ids.addAll(last.eventIds());
                    }
                    holders.add(new DmuContact(c.contactId(), c.name(), c.level(),
                            last == null ? null : last.occurredAt(), List.copyOf(ids)));
                }
            }
            roles.put(role, List.copyOf(holders));
            if (holders.isEmpty()) {
                uncovered.add(role);
            }
        }
        return new DmuMap(facts.accountId(), asOf, Collections.unmodifiableMap(roles), List.copyOf(uncovered),
                formerContacts(facts));
    }

    private static List<FormerContact> formerContacts(AccountFacts facts) {
        return facts.contacts().values().stream().filter(c -> !c.active() && c.leftAt() != null)
                .sorted(Comparator.comparing(Contact::leftAt).reversed().thenComparing(Contact::contactId))
                .map(c -> new FormerContact(c.contactId(), c.name(),
                        c.roles().stream().sorted().toList(), c.level(), c.leftAt(), c.eventIds()))
                .toList();
    }
}
