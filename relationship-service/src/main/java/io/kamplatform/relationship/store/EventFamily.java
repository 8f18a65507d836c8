package io.kamplatform.relationship.store;

/**
 * The two families of events this service records, each with its own aggregate, stream naming, topic and
 * schema folder: the relationship record of an account (DMU, interactions, service, complaints, competitors)
 * and each contract.
 */
public enum EventFamily {
    INTERACTION("relationship/", "kam.interaction.events", "interaction-events"),
    CONTRACT("contract/", "kam.contract.events", "contract-events");

    private final String streamPrefix;
    private final String defaultTopic;
    private final String schemaFolder;

    EventFamily(String streamPrefix, String defaultTopic, String schemaFolder) {
        this.streamPrefix = streamPrefix;
        this.defaultTopic = defaultTopic;
        this.schemaFolder = schemaFolder;
    }

    /** Stream ids carry the family so an account id and a contract id can never collide ('/' is not an id character). */
    public String streamId(String id) {
        return streamPrefix + id;
    }

    /** The account or contract id a stream id of this family names. */
    public String idIn(String streamId) {
        return streamId.substring(streamPrefix.length());
    }

    /** The family of an event of this service. */
    public static EventFamily of(Object event) {
        return RelationshipEventType.CATALOG.of(event).family();
    }

    public String defaultTopic() {
        return defaultTopic;
    }

    public String schemaFolder() {
        return schemaFolder;
    }
}
