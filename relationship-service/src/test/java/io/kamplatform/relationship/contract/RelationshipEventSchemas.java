package io.kamplatform.relationship.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import io.kamplatform.local.contract.PublishedEventContract;
import io.kamplatform.relationship.store.EventFamily;
import io.kamplatform.relationship.store.RelationshipEventType;
import java.util.Map;
import java.util.Set;

/**
 * The published JSON Schemas of the relationship-service events (the {@code data} of the CloudEvents on
 * {@code kam.interaction.events} and {@code kam.contract.events}), as the service serves them at
 * {@code /schemas/interaction-events/v1/<TypeName>.json} and {@code /schemas/contract-events/v1/<TypeName>.json},
 * and the headers of its AsyncAPI document. For contract tests, including ones that consume real Kafka records:
 * <pre>{@code
 * assertThat(RelationshipEventSchemas.validate(ceType, record.value())).isEmpty();
 * assertThat(RelationshipEventSchemas.validateHeaders(ceType, headersAsUtf8Strings)).isEmpty();
 * }</pre>
 */
public final class RelationshipEventSchemas {

    static final String CLASSPATH_ROOT = PublishedEventContract.CLASSPATH_ROOT;
    /** The AsyncAPI document, served at {@code /asyncapi.yaml}. */
    public static final String ASYNCAPI_RESOURCE = PublishedEventContract.ASYNCAPI_RESOURCE;

    private static final PublishedEventContract CONTRACT = new PublishedEventContract("relationship-service",
            type -> RelationshipEventType.byName(type).map(t -> resource(t.family(), type + ".json")),
            RelationshipEventType::typeNames);

    private RelationshipEventSchemas() {
    }

    public static Set<ValidationMessage> validate(String typeName, String json) {
        return CONTRACT.validate(typeName, json);
    }

    public static Set<ValidationMessage> validate(String typeName, JsonNode data) {
        return CONTRACT.validate(typeName, data);
    }

    public static Set<ValidationMessage> validateHeaders(String typeName, Map<String, String> headers) {
        return CONTRACT.validateHeaders(typeName, headers);
    }

    public static JsonSchema schema(String typeName) {
        return CONTRACT.schema(typeName);
    }

    /** Where the service serves the schemas of a family (and where ce_dataschema points), e.g. {@code /schemas/contract-events/v1/}. */
    public static String schemaPath(EventFamily family) {
        return "/schemas/" + family.schemaFolder() + "/v" + RelationshipEventType.CURRENT_SCHEMA_VERSION + "/";
    }

    /** The ce_dataschema of a type, e.g. {@code /schemas/interaction-events/v1/ContactAdded.json}. */
    public static String dataSchema(RelationshipEventType type) {
        return schemaPath(type.family()) + type.typeName() + ".json";
    }

    /** The classpath resource of a schema file, e.g. {@code META-INF/resources/schemas/contract-events/v1/Money.json}. */
    public static String resource(EventFamily family, String fileName) {
        return CLASSPATH_ROOT + schemaPath(family) + fileName;
    }

    /** A schema file as a JSON tree, or {@code null} if there is none. */
    public static JsonNode readSchemaFile(EventFamily family, String fileName) {
        return PublishedEventContract.readJson(resource(family, fileName));
    }
}
