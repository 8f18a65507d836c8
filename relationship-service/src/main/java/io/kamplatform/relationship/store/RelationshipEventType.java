package io.kamplatform.relationship.store;

import io.kamplatform.relationship.domain.contract.ConcessionGranted;
import io.kamplatform.relationship.domain.contract.ContractAmended;
import io.kamplatform.relationship.domain.contract.ContractRenewed;
import io.kamplatform.relationship.domain.contract.ContractSigned;
import io.kamplatform.relationship.domain.contract.ContractTerminated;
import io.kamplatform.relationship.domain.relationship.CompetitorActivityObserved;
import io.kamplatform.relationship.domain.relationship.ComplaintRaised;
import io.kamplatform.relationship.domain.relationship.ComplaintResolved;
import io.kamplatform.relationship.domain.relationship.ContactAdded;
import io.kamplatform.relationship.domain.relationship.ContactLeft;
import io.kamplatform.relationship.domain.relationship.ContactUpdated;
import io.kamplatform.relationship.domain.relationship.FollowUpCompleted;
import io.kamplatform.relationship.domain.relationship.InteractionRecorded;
import io.kamplatform.relationship.domain.relationship.ServiceRequestOpened;
import io.kamplatform.relationship.domain.relationship.ServiceRequestResolved;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The published contract of each event this service records: logical type name (stored, sent as
 * {@code ce_type}, named in the JSON Schema), the record that carries its data, and its family, which
 * decides the stream and the topic. Java class names never leave the service.
 */
public enum RelationshipEventType {
    CONTACT_ADDED("ContactAdded", ContactAdded.class, EventFamily.INTERACTION),
    CONTACT_UPDATED("ContactUpdated", ContactUpdated.class, EventFamily.INTERACTION),
    CONTACT_LEFT("ContactLeft", ContactLeft.class, EventFamily.INTERACTION),
    INTERACTION_RECORDED("InteractionRecorded", InteractionRecorded.class, EventFamily.INTERACTION),
    FOLLOW_UP_COMPLETED("FollowUpCompleted", FollowUpCompleted.class, EventFamily.INTERACTION),
    SERVICE_REQUEST_OPENED("ServiceRequestOpened", ServiceRequestOpened.class, EventFamily.INTERACTION),
    SERVICE_REQUEST_RESOLVED("ServiceRequestResolved", ServiceRequestResolved.class, EventFamily.INTERACTION),
    COMPLAINT_RAISED("ComplaintRaised", ComplaintRaised.class, EventFamily.INTERACTION),
    COMPLAINT_RESOLVED("ComplaintResolved", ComplaintResolved.class, EventFamily.INTERACTION),
    COMPETITOR_ACTIVITY_OBSERVED("CompetitorActivityObserved", CompetitorActivityObserved.class, EventFamily.INTERACTION),
    CONTRACT_SIGNED("ContractSigned", ContractSigned.class, EventFamily.CONTRACT),
    CONTRACT_RENEWED("ContractRenewed", ContractRenewed.class, EventFamily.CONTRACT),
    CONTRACT_AMENDED("ContractAmended", ContractAmended.class, EventFamily.CONTRACT),
    CONTRACT_TERMINATED("ContractTerminated", ContractTerminated.class, EventFamily.CONTRACT),
    CONCESSION_GRANTED("ConcessionGranted", ConcessionGranted.class, EventFamily.CONTRACT);

    /** Bumped together with the JSON Schemas; older stored versions are upcast on read. */
    public static final int CURRENT_SCHEMA_VERSION = 1;

    private final String typeName;
    private final Class<?> eventClass;
    private final EventFamily family;

    RelationshipEventType(String typeName, Class<?> eventClass, EventFamily family) {
        this.typeName = typeName;
        this.eventClass = eventClass;
        this.family = family;
    }

    public String typeName() {
        return typeName;
    }

    public Class<?> eventClass() {
        return eventClass;
    }

    public EventFamily family() {
        return family;
    }

    public static Optional<RelationshipEventType> byName(String typeName) {
        return Arrays.stream(values()).filter(t -> t.typeName.equals(typeName)).findFirst();
    }

    public static RelationshipEventType of(Object event) {
        return Arrays.stream(values()).filter(t -> t.eventClass == event.getClass()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unmapped event " + event.getClass()));
    }

    public static List<String> typeNames() {
        return Arrays.stream(values()).map(RelationshipEventType::typeName).toList();
    }
}
