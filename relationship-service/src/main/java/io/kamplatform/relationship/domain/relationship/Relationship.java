package io.kamplatform.relationship.domain.relationship;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The current state of an account's relationship record: the left fold of its events. Immutable; {@link #evolve}
 * returns the next state. Only what the decisions need is kept: contacts (departed ones too, so their ids are not
 * reused), the ids of recorded interactions, follow-ups open and completed, and the status of every service request
 * and complaint. Competitor activity only counts towards the version.
 */
public record Relationship(
        String accountId,
        Map<String, Contact> contacts,
        Set<String> interactionIds,
        Map<String, LocalDate> openFollowUps,
        Set<String> completedFollowUps,
        Map<String, CaseStatus> serviceRequests,
        Map<String, CaseStatus> complaints,
        long version) {

    public static Relationship initial(String accountId) {
        return new Relationship(accountId, Map.of(), Set.of(), Map.of(), Set.of(), Map.of(), Map.of(), 0);
    }

    public static Relationship replay(String accountId, Iterable<RelationshipEvent> history) {
        Relationship state = initial(accountId);
        for (RelationshipEvent event : history) {
            state = state.evolve(event);
        }
        return state;
    }

    public Relationship evolve(RelationshipEvent event) {
        long next = version + 1;
        return switch (event) {
            case ContactAdded e -> withContacts(put(contacts, e.contactId(), new Contact(e.contactId(), e.name(),
                    Set.copyOf(e.buyingRoles()), e.level(), e.function(), true)), next);
            case ContactUpdated e -> withContacts(put(contacts, e.contactId(), contacts.get(e.contactId()).updatedBy(e)), next);
            case ContactLeft e -> withContacts(put(contacts, e.contactId(), contacts.get(e.contactId()).departed()), next);
            case InteractionRecorded e -> new Relationship(accountId, contacts, add(interactionIds, e.interactionId()),
                    e.followUpDueOn() == null ? openFollowUps : put(openFollowUps, e.interactionId(), e.followUpDueOn()),
                    completedFollowUps, serviceRequests, complaints, next);
            case FollowUpCompleted e -> new Relationship(accountId, contacts, interactionIds,
                    remove(openFollowUps, e.interactionId()), add(completedFollowUps, e.interactionId()),
                    serviceRequests, complaints, next);
            case ServiceRequestOpened e -> withServiceRequests(put(serviceRequests, e.requestId(), CaseStatus.OPEN), next);
            case ServiceRequestResolved e -> withServiceRequests(put(serviceRequests, e.requestId(), CaseStatus.RESOLVED), next);
            case ComplaintRaised e -> withComplaints(put(complaints, e.complaintId(), CaseStatus.OPEN), next);
            case ComplaintResolved e -> withComplaints(put(complaints, e.complaintId(), CaseStatus.RESOLVED), next);
            case CompetitorActivityObserved e -> new Relationship(accountId, contacts, interactionIds, openFollowUps,
                    completedFollowUps, serviceRequests, complaints, next);
        };
    }

    /** Whether the contact exists and has not left. */
    public boolean isActiveContact(String contactId) {
        Contact contact = contacts.get(contactId);
        return contact != null && contact.active();
    }

    private Relationship withContacts(Map<String, Contact> newContacts, long next) {
        return new Relationship(accountId, newContacts, interactionIds, openFollowUps, completedFollowUps,
                serviceRequests, complaints, next);
    }

    private Relationship withServiceRequests(Map<String, CaseStatus> newRequests, long next) {
        return new Relationship(accountId, contacts, interactionIds, openFollowUps, completedFollowUps,
                newRequests, complaints, next);
    }

    private Relationship withComplaints(Map<String, CaseStatus> newComplaints, long next) {
        return new Relationship(accountId, contacts, interactionIds, openFollowUps, completedFollowUps,
                serviceRequests, newComplaints, next);
    }

    private static <V> Map<String, V> put(Map<String, V> map, String key, V value) {
        Map<String, V> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return Collections.unmodifiableMap(copy);
    }

    private static <V> Map<String, V> remove(Map<String, V> map, String key) {
        Map<String, V> copy = new LinkedHashMap<>(map);
        copy.remove(key);
        return Collections.unmodifiableMap(copy);
    }

    private static Set<String> add(Set<String> set, String element) {
        Set<String> copy = new LinkedHashSet<>(set);
        copy.add(element);
        return Collections.unmodifiableSet(copy);
    }
}
