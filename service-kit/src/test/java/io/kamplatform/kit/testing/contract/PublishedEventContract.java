package io.kamplatform.kit.testing.contract;

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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A producer service's published event contract, read from its classpath exactly as it serves it: the JSON Schema
 * of each event type (under {@code META-INF/resources}) and the message headers of its AsyncAPI document
 * ({@code /asyncapi.yaml}). Contract tests of every producer, including ones that read real Kafka records, validate
 * through it.
 */
public final class PublishedEventContract {

    public static final String CLASSPATH_ROOT = "META-INF/resources";
    public static final String ASYNCAPI_RESOURCE = CLASSPATH_ROOT + "/asyncapi.yaml";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    // Each schema file is self-contained ($refs are local), so no network or sibling lookup is ever needed.
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    /** Draft 2020-12 that also knows the AsyncAPI {@code components} container, for the header schemas. */
    private static final JsonSchemaFactory HEADER_FACTORY = JsonSchemaFactory.builder(FACTORY)
            .metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                    .keyword(new NonValidationKeyword("components"))
                    .build())
            .build();
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .build();

    private final String service;
    private final Function<String, Optional<String>> schemaResourceOfType;
    private final Supplier<List<String>> typeNames;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final Map<String, JsonSchema> headerSchemas = new ConcurrentHashMap<>();

    /**
     * @param service              the producing service, named in messages
     * @param schemaResourceOfType the classpath resource of a type's schema, empty for a type the service does not publish
     * @param typeNames            the service's event types, named when an unknown one is asked for
     */
    public PublishedEventContract(String service, Function<String, Optional<String>> schemaResourceOfType,
                                  Supplier<List<String>> typeNames) {
        this.service = service;
        this.schemaResourceOfType = schemaResourceOfType;
        this.typeNames = typeNames;
    }

    /**
     * Validates the JSON data of one event against the schema of its logical type (the ce_type header).
     *
     * @return the violations; empty when the data conforms
     * @throws IllegalArgumentException if the type has no published schema or the text is not JSON
     */
    public Set<ValidationMessage> validate(String typeName, String json) {
        JsonNode data;
        try {
            data = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data of type " + typeName + " is not JSON: " + e.getOriginalMessage(), e);
        }
        return validate(typeName, data);
    }

    public Set<ValidationMessage> validate(String typeName, JsonNode data) {
        return schema(typeName).validate(data);
    }

    /**
     * Validates the Kafka headers of one record (CloudEvents binary mode, values decoded as UTF-8) against the headers
     * schema of its message in the AsyncAPI document. Headers not named there (tracing, for instance) are allowed.
     */
    public Set<ValidationMessage> validateHeaders(String typeName, Map<String, String> headers) {
        return headerSchemas.computeIfAbsent(typeName, this::loadHeaders).validate(JSON.valueToTree(headers));
    }

    public JsonSchema schema(String typeName) {
        return schemas.computeIfAbsent(typeName, this::load);
    }

    /** A JSON classpath resource as a tree, or {@code null} if there is none. */
    public static JsonNode readJson(String resource) {
        try (InputStream in = classLoader().getResourceAsStream(resource)) {
            return in == null ? null : JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private JsonSchema load(String typeName) {
        Optional<String> resource = typeName.matches("[A-Za-z0-9]+") ? schemaResourceOfType.apply(typeName) : Optional.empty();
        if (resource.isEmpty() || classLoader().getResource(resource.get()) == null) {
            throw new IllegalArgumentException("no published schema for " + service + " event type '" + typeName + "'"
                    + resource.map(r -> " (expected classpath resource " + r + ")").orElse("")
                    + "; known types: " + typeNames.get());
        }
        JsonSchema schema = FACTORY.getSchema(SchemaLocation.of("classpath:" + resource.get()), CONFIG);
        schema.initializeValidators(); // fail fast on a broken schema rather than at the first validation
        return schema;
    }

    private JsonSchema loadHeaders(String typeName) {
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
                SchemaLocation.of("urn:kam-platform:" + service + ":asyncapi:headers:" + typeName), root, CONFIG);
        schema.initializeValidators();
        return schema;
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : PublishedEventContract.class.getClassLoader();
    }
}
