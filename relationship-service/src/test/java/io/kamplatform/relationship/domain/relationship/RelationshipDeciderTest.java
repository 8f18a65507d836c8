package io.kamplatform.relationship.domain.relationship;

import static io.kamplatform.kit.testing.GivenWhenThen.thenAccepted;
import static io.kamplatform.kit.testing.GivenWhenThen.thenRejected;
import static io.kamplatform.kit.testing.GivenWhenThen.thenRejectedOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kamplatform.kit.testing.GivenWhenThen;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Given events, when a fact is posted, then it is accepted (the event) or rejected (the rule's code). No infrastructure. */
class RelationshipDeciderTest {

    static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final RelationshipDecider DECIDER = new RelationshipDecider();

    static final ContactAdded MARTA = new ContactAdded("marta", "Marta Conti",
            Set.of(BuyingRole.DECIDER, BuyingRole.SPONSOR), ContactLevel.EXECUTIVE, "Operations");
    static final ContactAdded PAOLO = new ContactAdded("paolo", "Paolo Greco", Set.of(), ContactLevel.OPERATIONAL, "Procurement");
    static final ContactLeft MARTA_LEFT = new ContactLeft("marta", "retired");
    static final SupplierParticipant ANNA = new SupplierParticipant("kam-anna", "Anna Rossi", SupplierFunction.SALES);
    static final SupplierParticipant LUCA = new SupplierParticipant("luca", "Luca Bianchi", SupplierFunction.TECHNICAL);
    static final InteractionRecorded VISIT = visit("visit-1", Set.of("marta"), TODAY.plusDays(7));
    static final ServiceRequestOpened REQUEST = new ServiceRequestOpened("sr-1", Severity.HIGH, 24, "line 3 down");
    static final ComplaintRaised COMPLAINT = new ComplaintRaised("c-1", Severity.CRITICAL, "late deliveries");

    static InteractionRecorded visit(String id, Set<String> contacts, LocalDate followUpDueOn) {
        return new InteractionRecorded(id, InteractionKind.VISIT, contacts, List.of(ANNA), true,
                Sentiment.POSITIVE, "plant tour", followUpDueOn);
    }

    static final GivenWhenThen<Relationship, RecordRelationshipEvent, RelationshipEvent> RULES = GivenWhenThen.of(DECIDER,
            history -> Relationship.replay("ACME", history),
            (event, occurredAt) -> new RecordRelationshipEvent("ACME", event, occurredAt), NOW);

    static GivenWhenThen<Relationship, RecordRelationshipEvent, RelationshipEvent>.Scenario given(RelationshipEvent... history) {
        return RULES.given(history);
    }

    @Nested
    class FactTime {
        @Test
        void aFactWithinTheClockSkewIsAccepted() {
            thenAccepted(given().when(MARTA, NOW.plusSeconds(299)), MARTA);
        }

        @Test
        void aFactFromTheFutureIsRefused() {
            thenRejected(given().when(MARTA, NOW.plusSeconds(301)), "OCCURRED_IN_FUTURE");
        }
    }

    @Nested
    class Contacts {
        @Test
        void aContactIsAddedOnce() {
            thenAccepted(given().when(MARTA), MARTA);
            thenRejectedOn(given(MARTA).when(MARTA), "CONTACT_ALREADY_ADDED", "contactId");
        }

        @Test
        void aDepartedContactsIdIsNotReused() {
            thenRejectedOn(given(MARTA, MARTA_LEFT).when(MARTA), "CONTACT_ALREADY_ADDED", "contactId");
        }

        @Test
        void aContactWithoutKnownRolesIsAccepted() {
            thenAccepted(given().when(PAOLO), PAOLO);
        }

        @Test
        void anActiveContactIsUpdated() {
            ContactUpdated promoted = new ContactUpdated("paolo", null, Set.of(BuyingRole.BUYER), ContactLevel.MANAGEMENT, null);
            thenAccepted(given(PAOLO).when(promoted), promoted);
        }

        @Test
        void anEmptyUpdateIsRefused() {
            thenRejected(given(PAOLO).when(new ContactUpdated("paolo", null, null, null, null)), "NOTHING_CHANGED");
        }

        @Test
        void unknownOrDepartedContactsAreNotUpdated() {
            ContactUpdated renamed = new ContactUpdated("marta", "Marta Conti-Ferri", null, null, null);
            thenRejectedOn(given().when(renamed), "UNKNOWN_CONTACT", "contactId");
            thenRejectedOn(given(MARTA, MARTA_LEFT).when(renamed), "CONTACT_DEPARTED", "contactId");
        }

        @Test
        void onlyAnActiveContactLeaves() {
            thenAccepted(given(MARTA).when(MARTA_LEFT), MARTA_LEFT);
            thenRejectedOn(given().when(MARTA_LEFT), "UNKNOWN_CONTACT", "contactId");
            thenRejectedOn(given(MARTA, MARTA_LEFT).when(MARTA_LEFT), "CONTACT_DEPARTED", "contactId");
        }

        @Test
        void foldKeepsWhatWasNotUpdatedAndMarksDepartures() {
            Relationship state = Relationship.replay("ACME", List.of(MARTA, PAOLO,
                    new ContactUpdated("paolo", null, Set.of(BuyingRole.BUYER, BuyingRole.GATEKEEPER), null, null),
                    MARTA_LEFT));
            Contact paolo = state.contacts().get("paolo");
            assertEquals(Set.of(BuyingRole.BUYER, BuyingRole.GATEKEEPER), paolo.buyingRoles());
            assertEquals(ContactLevel.OPERATIONAL, paolo.level());
            assertEquals("Procurement", paolo.function());
            assertTrue(state.isActiveContact("paolo"));
            assertFalse(state.isActiveContact("marta"));
            assertEquals(4, state.version());
        }
    }

    @Nested
    class Interactions {
        @Test
        void anInteractionWithActiveContactsIsRecorded() {
            InteractionRecorded review = new InteractionRecorded("qbr-2", InteractionKind.BUSINESS_REVIEW,
                    Set.of("marta", "paolo"), List.of(ANNA, LUCA), true, null, null, null);
            thenAccepted(given(MARTA, PAOLO).when(review), review);
        }

        @Test
        void anInteractionIdIsUsedOnce() {
            thenRejectedOn(given(MARTA, VISIT).when(VISIT), "INTERACTION_ALREADY_RECORDED", "interactionId");
        }

        @Test
        void contactsOfAnotherAccountOrUnknownAreRefused() {
            thenRejectedOn(given(MARTA).when(visit("v-2", Set.of("marta", "stranger"), null)), "UNKNOWN_CONTACT", "contactIds");
        }

        @Test
        void aDepartedContactIsNotMet() {
            thenRejectedOn(given(MARTA, MARTA_LEFT).when(visit("v-2", Set.of("marta"), null)), "CONTACT_DEPARTED", "contactIds");
        }

        @Test
        void aTwoWayInteractionNamesAContact() {
            thenRejectedOn(given(MARTA).when(visit("v-2", Set.of(), null)), "CONTACTS_REQUIRED", "contactIds");
        }

        @Test
        void aOneWayInteractionMayNameNoContact() {
            InteractionRecorded mailing = new InteractionRecorded("mail-1", InteractionKind.EMAIL, Set.of(),
                    List.of(ANNA), false, null, "product news", null);
            thenAccepted(given().when(mailing), mailing);
        }

        @Test
        void aParticipantIsNamedOnce() {
            InteractionRecorded twice = new InteractionRecorded("v-2", InteractionKind.MEETING, Set.of("marta"),
                    List.of(ANNA, LUCA, new SupplierParticipant("kam-anna", null, SupplierFunction.MANAGEMENT)),
                    true, null, null, null);
            thenRejectedOn(given(MARTA).when(twice), "DUPLICATE_PARTICIPANT", "supplierParticipants");
        }

        @Test
        void aFollowUpMayBeDueFromTheDayBeforeTheInteraction() {
            InteractionRecorded call = visit("v-2", Set.of("marta"), TODAY.minusDays(1));
            thenAccepted(given(MARTA).when(call), call);
        }

        @Test
        void aFollowUpIsNotDueBeforeTheInteraction() {
            thenRejectedOn(given(MARTA).when(visit("v-2", Set.of("marta"), TODAY.minusDays(2))),
                    "FOLLOW_UP_DUE_BEFORE_INTERACTION", "followUpDueOn");
        }
    }

    @Nested
    class FollowUps {
        static final FollowUpCompleted DONE = new FollowUpCompleted("visit-1", "quote sent");

        @Test
        void anOpenFollowUpIsCompletedOnce() {
            thenAccepted(given(MARTA, VISIT).when(DONE), DONE);
            thenRejectedOn(given(MARTA, VISIT, DONE).when(DONE), "FOLLOW_UP_ALREADY_COMPLETED", "interactionId");
        }

        @Test
        void anUnknownInteractionHasNoFollowUp() {
            thenRejectedOn(given(MARTA).when(DONE), "UNKNOWN_INTERACTION", "interactionId");
        }

        @Test
        void anInteractionWithoutFollowUpCannotComplete() {
            thenRejectedOn(given(MARTA, visit("visit-1", Set.of("marta"), null)).when(DONE), "NO_FOLLOW_UP", "interactionId");
        }

        @Test
        void foldTracksOpenAndCompletedFollowUps() {
            InteractionRecorded second = visit("visit-2", Set.of("marta"), TODAY.plusDays(30));
            Relationship state = Relationship.replay("ACME", List.of(MARTA, VISIT, second, DONE));
            assertEquals(Map.of("visit-2", TODAY.plusDays(30)), state.openFollowUps());
            assertEquals(Set.of("visit-1"), state.completedFollowUps());
            assertEquals(Set.of("visit-1", "visit-2"), state.interactionIds());
        }
    }

    @Nested
    class ServiceRequests {
        static final ServiceRequestResolved RESOLVED = new ServiceRequestResolved("sr-1", "spare part shipped");

        @Test
        void aRequestIsOpenedOnce() {
            thenAccepted(given().when(REQUEST), REQUEST);
            thenRejectedOn(given(REQUEST).when(REQUEST), "SERVICE_REQUEST_ALREADY_OPENED", "requestId");
        }

        @Test
        void anOpenRequestIsResolvedOnce() {
            thenAccepted(given(REQUEST).when(RESOLVED), RESOLVED);
            thenRejectedOn(given(REQUEST, RESOLVED).when(RESOLVED), "SERVICE_REQUEST_ALREADY_RESOLVED", "requestId");
        }

        @Test
        void anUnknownRequestIsNotResolved() {
            thenRejectedOn(given().when(RESOLVED), "UNKNOWN_SERVICE_REQUEST", "requestId");
        }

        @Test
        void aResolvedRequestIdIsNotReopened() {
            thenRejectedOn(given(REQUEST, RESOLVED).when(REQUEST), "SERVICE_REQUEST_ALREADY_OPENED", "requestId");
        }

        @Test
        void foldTracksStatus() {
            ServiceRequestOpened other = new ServiceRequestOpened("sr-2", Severity.LOW, 72, "manual");
            Relationship state = Relationship.replay("ACME", List.of(REQUEST, other, RESOLVED));
            assertEquals(Map.of("sr-1", CaseStatus.RESOLVED, "sr-2", CaseStatus.OPEN), state.serviceRequests());
        }
    }

    @Nested
    class Complaints {
        static final ComplaintResolved RESOLVED = new ComplaintResolved("c-1", "carrier replaced");

        @Test
        void aComplaintIsRaisedOnce() {
            thenAccepted(given().when(COMPLAINT), COMPLAINT);
            thenRejectedOn(given(COMPLAINT).when(COMPLAINT), "COMPLAINT_ALREADY_RAISED", "complaintId");
        }

        @Test
        void anOpenComplaintIsResolvedOnce() {
            thenAccepted(given(COMPLAINT).when(RESOLVED), RESOLVED);
            thenRejectedOn(given(COMPLAINT, RESOLVED).when(RESOLVED), "COMPLAINT_ALREADY_RESOLVED", "complaintId");
        }

        @Test
        void anUnknownComplaintIsNotResolved() {
            thenRejectedOn(given().when(RESOLVED), "UNKNOWN_COMPLAINT", "complaintId");
        }

        @Test
        void foldTracksStatus() {
            Relationship state = Relationship.replay("ACME", List.of(COMPLAINT, RESOLVED));
            assertEquals(Map.of("c-1", CaseStatus.RESOLVED), state.complaints());
        }
    }

    @Nested
    class Competitors {
        @Test
        void competitorActivityIsRecordedAndCounted() {
            CompetitorActivityObserved trial = new CompetitorActivityObserved("Rival SpA", ThreatLevel.HIGH, "free trial on line 2");
            thenAccepted(given(MARTA).when(trial), trial);
            thenAccepted(given(MARTA, trial).when(trial), trial);
            assertEquals(2, Relationship.replay("ACME", List.of(MARTA, trial)).version());
        }
    }
}
