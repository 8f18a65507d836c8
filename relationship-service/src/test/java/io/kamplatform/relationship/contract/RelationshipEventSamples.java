package io.kamplatform.relationship.contract;

import io.kamplatform.relationship.domain.contract.ConcessionGranted;
import io.kamplatform.relationship.domain.contract.ConcessionKind;
import io.kamplatform.relationship.domain.contract.ContractAmended;
import io.kamplatform.relationship.domain.contract.ContractRenewed;
import io.kamplatform.relationship.domain.contract.ContractSigned;
import io.kamplatform.relationship.domain.contract.ContractTerminated;
import io.kamplatform.relationship.domain.relationship.BuyingRole;
import io.kamplatform.relationship.domain.relationship.CompetitorActivityObserved;
import io.kamplatform.relationship.domain.relationship.ComplaintRaised;
import io.kamplatform.relationship.domain.relationship.ComplaintResolved;
import io.kamplatform.relationship.domain.relationship.ContactAdded;
import io.kamplatform.relationship.domain.relationship.ContactLeft;
import io.kamplatform.relationship.domain.relationship.ContactLevel;
import io.kamplatform.relationship.domain.relationship.ContactUpdated;
import io.kamplatform.relationship.domain.relationship.FollowUpCompleted;
import io.kamplatform.relationship.domain.relationship.InteractionKind;
import io.kamplatform.relationship.domain.relationship.InteractionRecorded;
import io.kamplatform.relationship.domain.relationship.Sentiment;
import io.kamplatform.relationship.domain.relationship.ServiceRequestOpened;
import io.kamplatform.relationship.domain.relationship.ServiceRequestResolved;
import io.kamplatform.relationship.domain.relationship.Severity;
import io.kamplatform.relationship.domain.relationship.SupplierFunction;
import io.kamplatform.relationship.domain.relationship.SupplierParticipant;
import io.kamplatform.relationship.domain.relationship.ThreatLevel;
import io.kamplatform.relationship.store.RelationshipEventType;
import io.kamplatform.kit.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One representative instance per event type (the golden samples) plus variants with every optional field left out.
 * Sets are built in a fixed order (EnumSet, LinkedHashSet) so the golden JSON is stable; the service itself gives no
 * order guarantee for the arrays it writes from sets.
 */
final class RelationshipEventSamples {

    private RelationshipEventSamples() {
    }

    static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }

    static Set<String> ids(String... ids) {
        return new LinkedHashSet<>(List.of(ids));
    }

    /** The sample whose JSON is frozen in {@code src/test/resources/golden/<TypeName>.json}. */
    static Object golden(RelationshipEventType type) {
        // An exhaustive switch: a new event type does not compile until it has a sample (and so a golden file).
        return switch (type) {
            case CONTACT_ADDED -> new ContactAdded("c-4711", "Dr. Petra Huber",
                    EnumSet.of(BuyingRole.DECIDER, BuyingRole.SPONSOR), ContactLevel.EXECUTIVE, "Procurement");
            case CONTACT_UPDATED -> new ContactUpdated("c-4711", null, EnumSet.of(BuyingRole.INFLUENCER),
                    ContactLevel.MANAGEMENT, null);
            case CONTACT_LEFT -> new ContactLeft("c-4711", "Retired");
            case INTERACTION_RECORDED -> new InteractionRecorded("int-2026-0017", InteractionKind.BUSINESS_REVIEW,
                    ids("c-4711", "c-4712"),
                    List.of(new SupplierParticipant("kam-0042", "Giulia Rossi", SupplierFunction.SALES),
                            new SupplierParticipant("u-1001", null, SupplierFunction.TECHNICAL)),
                    true, Sentiment.POSITIVE, "Quarterly review: volumes up, asked for a logistics workshop",
                    LocalDate.of(2026, 2, 15));
            case FOLLOW_UP_COMPLETED -> new FollowUpCompleted("int-2026-0017", "Workshop scheduled for March");
            case SERVICE_REQUEST_OPENED -> new ServiceRequestOpened("SR-881", Severity.HIGH, 24,
                    "Drive unit on line 3 stops under load");
            case SERVICE_REQUEST_RESOLVED -> new ServiceRequestResolved("SR-881", "Firmware 2.4.1 installed on site");
            case COMPLAINT_RAISED -> new ComplaintRaised("CMP-77", Severity.CRITICAL, "Second late delivery this quarter");
            case COMPLAINT_RESOLVED -> new ComplaintResolved("CMP-77", "Dedicated carrier and a credit note");
            case COMPETITOR_ACTIVITY_OBSERVED -> new CompetitorActivityObserved("Rival Drives Ltd", ThreatLevel.HIGH,
                    "Trial units installed in the Graz plant");
            case CONTRACT_SIGNED -> new ContractSigned("CTR-2026-001", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31),
                    eur("1200000.00"), eur("1500000.00"), new BigDecimal("18.5"), "Premium 24/7", true);
            case CONTRACT_RENEWED -> new ContractRenewed("CTR-2026-001", LocalDate.of(2029, 12, 31), eur("1150000"),
                    eur("1550000.00"), new BigDecimal("16.25"));
            case CONTRACT_AMENDED -> new ContractAmended("CTR-2026-001", eur("1300000.00"), eur("1600000.00"),
                    new BigDecimal("-2.5"), "Scope extended to the Graz plant");
            case CONTRACT_TERMINATED -> new ContractTerminated("CTR-2026-001", "Plant closed",
                    LocalDate.of(2026, 6, 30));
            case CONCESSION_GRANTED -> new ConcessionGranted("CTR-2026-001", "CON-5", ConcessionKind.EXTRA_DISCOUNT,
                    eur("25000.50"), "Second-half volume bonus");
        };
    }

    /** Valid events with optional fields null, as the service writes them. */
    static List<Object> withOptionalFieldsLeftOut() {
        return List.of(
                new ContactAdded("c-1", "Ann Lee", Set.of(), ContactLevel.OPERATIONAL, null),
                new ContactUpdated("c-1", "Ann Lee-Smith", null, null, null),
                new ContactUpdated("c-1", null, Set.of(), null, null),
                new ContactUpdated("c-1", null, null, ContactLevel.EXECUTIVE, null),
                new ContactUpdated("c-1", null, null, null, "Engineering"),
                new ContactLeft("c-1", null),
                new InteractionRecorded("i-1", InteractionKind.EMAIL, Set.of(),
                        List.of(new SupplierParticipant("u-1", null, SupplierFunction.MARKETING)), false, null, null, null),
                new FollowUpCompleted("i-1", null),
                new ServiceRequestResolved("SR-1", null),
                new ComplaintResolved("CMP-1", null),
                new CompetitorActivityObserved("Rival", ThreatLevel.LOW, null),
                new ContractTerminated("CTR-1", "Cancelled", null),
                new ConcessionGranted("CTR-1", "CON-1", ConcessionKind.FREE_SERVICE, eur("0"), null));
    }
}
