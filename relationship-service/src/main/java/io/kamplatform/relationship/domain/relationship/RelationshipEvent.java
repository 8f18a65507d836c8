package io.kamplatform.relationship.domain.relationship;

/**
 * Facts a key account manager records about the relationship with one account, in the past tense, published on
 * {@code kam.interaction.events}. The logical type name (not the Java class) is what is stored and published, so
 * classes can be renamed and old events upcast. Contract facts are a separate hierarchy
 * ({@link io.kamplatform.relationship.domain.contract.ContractEvent}) on their own topic.
 */
public sealed interface RelationshipEvent permits
        ContactAdded, ContactUpdated, ContactLeft, InteractionRecorded, FollowUpCompleted,
        ServiceRequestOpened, ServiceRequestResolved, ComplaintRaised, ComplaintResolved,
        CompetitorActivityObserved {
}
