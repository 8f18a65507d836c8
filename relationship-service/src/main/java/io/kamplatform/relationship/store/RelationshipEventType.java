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
import io.kamplatform.kit.store.EventCatalog;
import io.kamplatform.kit.store.EventType;
import java.util.List;

/**
 * The published contract of each event this service records: logical type name (stored, sent as
 * {@code ce_type}, named in the JSON Schema), the record that carries its data, and its family, which
 * decides the stream and the topic. Java class names never leave the service. {@link #CATALOG} is what the API, the
 * store and the recorder look types up in.
 */
public enum RelationshipEventType implements EventType<Object> {
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

    /** The relationship and contract event types by logical name, at the current schema version. */
    public static final EventCatalog<Object, RelationshipEventType> CATALOG =
            new EventCatalog<>(CURRENT_SCHEMA_VERSION, List.of(values()));

    private final String typeName;
    private final Class<?> eventClass;
    private final EventFamily family;

    RelationshipEventType(String typeName, Class<?> eventClass, EventFamily family) {
        this.typeName = typeName;
        this.eventClass = eventClass;
        this.family = family;
    }

    @Override
    public String typeName() {
        return typeName;
    }

    @Override
    public Class<?> eventClass() {
        return eventClass;
    }

    public EventFamily family() {
        return family;
    }
}
