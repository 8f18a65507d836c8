package io.kamplatform.relationship.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.kamplatform.relationship.store.EventFamily;
import io.kamplatform.relationship.store.RelationshipEventType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The published JSON Schemas of the relationship-service events (the {@code data} of the CloudEvents on
 * {@code kam.interaction.events} and {@code kam.contract.events}), loaded from the classpath exactly as the service
 * serves them at {@code /schemas/interaction-events/v1/<TypeName>.json} and
 * {@code /schemas/contract-events/v1/<TypeName>.json}. For contract tests, including ones that consume real Kafka
 * records:
 * <pre>{@code
 * Set<ValidationMessage> problems = RelationshipEventSchemas.validate(ceType, record.value());
 * assertThat(problems).isEmpty();
 * assertThat(RelationshipEventSchemas.validateHeaders(ceType, headersAsUtf8Strings)).isEmpty();
 * }</pre>
 * Validator: com.networknt json-schema-validator 1.5.x, JSON Schema draft 2020-12.
 */
public final class RelationshipEventSchemas {

    static final String CLASSPATH_ROOT = "META-INF/resources";
    /** The AsyncAPI document, served at {@code /asyncapi.yaml}. */
    public static final String ASYNCAPI_RESOURCE = CLASSPATH_ROOT + "/asyncapi.yaml";

    private static final ObjectMapper JSON = new ObjectMapper();
    // Each schema file is self-contained ($refs are local), so no network or sibling lookup is ever needed.
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    /** Draft 2020-12 that also knows the AsyncAPI {@code components} container, for the header schemas. */
    private static final JsonSchemaFactory HEADER_FACTORY = JsonSchemaFactory.builder(FACTORY)
            .metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                    .keyword(new NonValidationKeyword("components"))
                    .build())
            .build();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
    private static final Map<String, JsonSchema> HEADER_SCHEMAS = new ConcurrentHashMap<>();

    private RelationshipEventSchemas() {
    }

    /**
     * Validates the JSON data of one event against the schema of its logical type (the ce_type header).
     *
     * @return the violations; empty when the data conforms
     * @throws IllegalArgumentException if the type has no published schema or the text is not JSON
     */
    public static Set<ValidationMessage> validate(String typeName, String json) {
        JsonNode data;
        try {
            data = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data of type " + typeName + " is not JSON: " + e.getOriginalMessage(), e);
        }
        return validate(typeName, data);
    }

    public static Set<ValidationMessage> validate(String typeName, JsonNode data) {
        return schema(typeName).validate(data);
    }

    /**
     * Validates the Kafka headers of one record (CloudEvents binary mode, header values decoded as UTF-8) against the
     * headers schema of its message in the AsyncAPI document ({@code /asyncapi.yaml}). Headers not named there (tracing,
     * for instance) are allowed.
     */
    public static Set<ValidationMessage> validateHeaders(String typeName, Map<String, String> headers) {
        return HEADER_SCHEMAS.computeIfAbsent(typeName, RelationshipEventSchemas::loadHeaders).validate(JSON.valueToTree(headers));
    }

    /** The schema of a type, from {@code META-INF/resources/schemas/<family folder>/v1/<typeName>.json}. */
    public static JsonSchema schema(String typeName) {
        return SCHEMAS.computeIfAbsent(typeName, RelationshipEventSchemas::load);
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
        try (InputStream in = classLoader().getResourceAsStream(resource(family, fileName))) {
            return in == null ? null : JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource(family, fileName), e);
        }
    }

    private static JsonSchema load(String typeName) {
        RelationshipEventType type = RelationshipEventType.byName(typeName).orElseThrow(() -> new IllegalArgumentException(
                "no published schema for relationship-service event type '" + typeName + "'; known types: "
                        + RelationshipEventType.typeNames()));
        String resource = resource(type.family(), typeName + ".json");
        if (classLoader().getResource(resource) == null) {
            throw new IllegalArgumentException("no published schema for event type '" + typeName
                    + "' (expected classpath resource " + resource + ")");
        }
        JsonSchema schema = FACTORY.getSchema(SchemaLocation.of("classpath:" + resource), CONFIG);
        schema.initializeValidators(); // fail fast on a broken schema rather than at the first validation
        return schema;
    }

    private static JsonSchema loadHeaders(String typeName) {
        schema(typeName); // an unknown type fails with the clear message
        JsonNode asyncApi;
        try (InputStream in = classLoader().getResourceAsStream(ASYNCAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no AsyncAPI document at classpath resource " + ASYNCAPI_RESOURCE);
            }
            asyncApi = YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ASYNCAPI_RESOURCE, e);
        }
        if (asyncApi.at("/components/messages/" + typeName + "/headers").isMissingNode()) {
            throw new IllegalStateException(ASYNCAPI_RESOURCE + " has no headers for message " + typeName);
        }
        // The header schemas $ref '#/components/...' of the AsyncAPI document: validate against a root that holds just
        // those components, so the references resolve and nothing else of the document is read as a schema.
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$ref", "#/components/messages/" + typeName + "/headers");
        root.set("components", asyncApi.get("components"));
        JsonSchema schema = HEADER_FACTORY.getSchema(
                SchemaLocation.of("urn:kam-platform:relationship-service:asyncapi:headers:" + typeName), root, CONFIG);
        schema.initializeValidators();
        return schema;
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : RelationshipEventSchemas.class.getClassLoader();
    }
}
