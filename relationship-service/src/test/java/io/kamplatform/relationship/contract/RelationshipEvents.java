package io.kamplatform.relationship.contract;

import io.kamplatform.kit.testing.contract.PublishedEvents;
import io.kamplatform.relationship.store.EventFamily;
import io.kamplatform.relationship.store.RelationshipEventType;

/**
 * The published events of relationship-service as its contract tests see them: the data of the CloudEvents on
 * {@code kam.interaction.events} and {@code kam.contract.events}, their JSON Schemas served at
 * {@code /schemas/interaction-events/v1/<TypeName>.json} and {@code /schemas/contract-events/v1/<TypeName>.json},
 * the AsyncAPI headers, and the golden samples ({@link RelationshipEventSamples}). Tests that read real Kafka records
 * validate through it:
 * <pre>{@code
 * assertThat(RelationshipEvents.PUBLISHED.validate(ceType, record.value())).isEmpty();
 * }</pre>
 */
public final class RelationshipEvents {

    public static final PublishedEvents<Object, RelationshipEventType> PUBLISHED = new PublishedEvents<>(
            "relationship-service", RelationshipEventType.CATALOG, type -> type.family().schemaFolder(),
            type -> type.family().defaultTopic(), RelationshipEventSamples::golden);

    private RelationshipEvents() {
    }

    /** Where the service serves the schemas of a family, e.g. {@code /schemas/contract-events/v1/}. */
    public static String schemaPath(EventFamily family) {
        return "/schemas/" + family.schemaFolder() + "/v" + RelationshipEventType.CURRENT_SCHEMA_VERSION + "/";
    }
}
