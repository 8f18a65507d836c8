package io.kamplatform.relationship.domain.relationship;

import static io.kamplatform.kit.decider.Rules.happened;
import static io.kamplatform.kit.decider.Rules.none;
import static io.kamplatform.kit.decider.Rules.reject;
import static io.kamplatform.kit.decider.Rules.rejectField;

import io.kamplatform.kit.decider.Decider;
import io.kamplatform.kit.decider.Decision;
import io.kamplatform.kit.decider.Rejection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a fact may be recorded on an account's relationship record, given its current state.
 * Pure: no I/O, no clock of its own; everything it needs comes in as arguments, so the rules are tested with
 * given-events / when-command / then-events and nothing else. It returns the first broken rule.
 *
 * <p>CRM data is recorded as the CRM saw it: the decider refuses only what is contradictory (unknown or departed
 * contacts, ids used twice, resolving twice, facts from the future), never what is merely unusual.
 */
public final class RelationshipDecider implements Decider<Relationship, RecordRelationshipEvent, RelationshipEvent> {

    /** A follow-up due date is a calendar date in the user's time zone; a day of slack absorbs the offset to UTC. */
    static final int DUE_DATE_SLACK_DAYS = 1;

    @Override
    public Decision<RelationshipEvent> decide(Relationship state, RecordRelationshipEvent command, Instant now) {
        return Decision.acceptUnless(happened(command.occurredAt(), now).or(() -> firstRejection(state, command)),
                command.event());
    }

    private Optional<Rejection> firstRejection(Relationship state, RecordRelationshipEvent command) {
        return switch (command.event()) {
            case ContactAdded e -> state.contacts().containsKey(e.contactId())
                    ? rejectField("contactId", "CONTACT_ALREADY_ADDED", "contact '" + e.contactId()
                            + "' was already added" + (state.isActiveContact(e.contactId()) ? "" : " and has left; contact ids are not reused"))
                    : none();
            case ContactUpdated e -> activeContact(state, "contactId", e.contactId())
                    .or(() -> e.changesNothing()
                            ? reject("NOTHING_CHANGED", "name, buyingRoles, level or function must be given") : none());
            case ContactLeft e -> activeContact(state, "contactId", e.contactId());
            case InteractionRecorded e -> interaction(state, e, command.occurredAt());
            case FollowUpCompleted e -> followUpCompletion(state, e);
            case ServiceRequestOpened e -> state.serviceRequests().containsKey(e.requestId())
                    ? rejectField("requestId", "SERVICE_REQUEST_ALREADY_OPENED", "service request '" + e.requestId() + "' was already opened")
                    : none();
            case ServiceRequestResolved e -> resolution(state.serviceRequests().get(e.requestId()), "requestId",
                    "SERVICE_REQUEST", "service request '" + e.requestId() + "'");
            case ComplaintRaised e -> state.complaints().containsKey(e.complaintId())
                    ? rejectField("complaintId", "COMPLAINT_ALREADY_RAISED", "complaint '" + e.complaintId() + "' was already raised")
                    : none();
            case ComplaintResolved e -> resolution(state.complaints().get(e.complaintId()), "complaintId",
                    "COMPLAINT", "complaint '" + e.complaintId() + "'");
            case CompetitorActivityObserved e -> none();
        };
    }

    private Optional<Rejection> interaction(Relationship state, InteractionRecorded e, Instant occurredAt) {
        if (state.interactionIds().contains(e.interactionId())) {
            return rejectField("interactionId", "INTERACTION_ALREADY_RECORDED",
                    "interaction '" + e.interactionId() + "' was already recorded");
        }
        if (e.twoWay() && e.contactIds().isEmpty()) {
            return rejectField("contactIds", "CONTACTS_REQUIRED",
                    "a two-way interaction names at least one contact of the account");
        }
        for (String contactId : e.contactIds()) {
            Optional<Rejection> contact = activeContact(state, "contactIds", contactId);
            if (contact.isPresent()) {
                return contact;
            }
        }
        Set<String> participants = new HashSet<>();
        for (SupplierParticipant participant : e.supplierParticipants()) {
            if (!participants.add(participant.participantId())) {
                return rejectField("supplierParticipants", "DUPLICATE_PARTICIPANT",
                        "participant '" + participant.participantId() + "' is named more than once");
            }
        }
        LocalDate day = LocalDate.ofInstant(occurredAt, ZoneOffset.UTC);
        if (e.followUpDueOn() != null && e.followUpDueOn().isBefore(day.minusDays(DUE_DATE_SLACK_DAYS))) {
            return rejectField("followUpDueOn", "FOLLOW_UP_DUE_BEFORE_INTERACTION",
                    "a follow-up cannot be due before the interaction of " + day);
        }
        return none();
    }

    private Optional<Rejection> followUpCompletion(Relationship state, FollowUpCompleted e) {
        String id = e.interactionId();
        if (!state.interactionIds().contains(id)) {
            return rejectField("interactionId", "UNKNOWN_INTERACTION", "interaction '" + id + "' is not recorded for this account");
        }
        if (state.completedFollowUps().contains(id)) {
            return rejectField("interactionId", "FOLLOW_UP_ALREADY_COMPLETED", "the follow-up of interaction '" + id + "' was already completed");
        }
        return state.openFollowUps().containsKey(id) ? none() : rejectField("interactionId", "NO_FOLLOW_UP",
                "interaction '" + id + "' has no follow-up; give followUpDueOn when recording it");
    }

    /** The contact exists on this account and has not left. */
    private static Optional<Rejection> activeContact(Relationship state, String field, String contactId) {
        Contact contact = state.contacts().get(contactId);
        if (contact == null) {
            return rejectField(field, "UNKNOWN_CONTACT", "contact '" + contactId + "' is not a contact of this account; add it first");
        }
        return contact.active() ? none()
                : rejectField(field, "CONTACT_DEPARTED", "contact '" + contactId + "' has left the account");
    }

    /** A case (service request or complaint) is resolved once, and only if it exists. */
    private static Optional<Rejection> resolution(CaseStatus status, String field, String kind, String what) {
        if (status == null) {
            return rejectField(field, "UNKNOWN_" + kind, what + " does not exist on this account");
        }
        return status == CaseStatus.RESOLVED
                ? rejectField(field, kind + "_ALREADY_RESOLVED", what + " was already resolved")
                : none();
    }
}
