package io.kamplatform.kit.testing.contract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import io.kamplatform.kit.store.EventCatalog;
import io.kamplatform.kit.store.EventCodec;
import io.kamplatform.kit.store.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A writer's published events as its contract tests see them: the JSON it writes for each type (with the golden
 * files that freeze it), the JSON Schemas it serves under {@code /schemas/<folder>/v<N>/} and the headers of its
 * AsyncAPI document. Each writer describes itself once (e.g. {@code AccountEvents.PUBLISHED}); the contract test bases
 * of this package ({@link EventJsonGoldenContract}, {@link EventSchemaContract}, {@link AsyncApiContract}) and any test
 * that reads real Kafka records validate through it:
 * <pre>{@code
 * assertThat(AccountEvents.PUBLISHED.validate(ceType, record.value())).isEmpty();
 * assertThat(AccountEvents.PUBLISHED.validateHeaders(ceType, headersAsUtf8Strings)).isEmpty();
 * }</pre>
 *
 * @param <E> the writer's events
 * @param <T> its enum of event types
 */
public final class PublishedEvents<E, T extends Enum<T> & EventType<? extends E>> {

    /** Where golden files live in the source tree, relative to the module directory (Surefire's working directory). */
    public static final Path GOLDEN_DIR = Path.of("src", "test", "resources", "golden");
    /** {@code -Dkam.golden.update=true} rewrites the golden files from the current serialization. */
    public static final String UPDATE_PROPERTY = "kam.golden.update";
    public static final String CLASSPATH_ROOT = PublishedEventContract.CLASSPATH_ROOT;
    /** The AsyncAPI document, served at {@code /asyncapi.yaml}. */
    public static final String ASYNCAPI_RESOURCE = PublishedEventContract.ASYNCAPI_RESOURCE;

    /**
     * Configured like the Quarkus ObjectMapper of the writers: the Jackson modules on the classpath (Java time, JDK 8,
     * parameter names), dates as ISO strings ("2026-01-31"), nulls included, unknown properties rejected on read
     * (application.properties). The store's codec writes the stored payload, and so the Kafka record value, with it.
     */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final String service;
    private final EventCatalog<E, T> catalog;
    private final Function<T, String> schemaFolder;
    private final Function<T, String> topic;
    private final Function<T, E> samples;
    private final EventCodec<E> codec;
    private final PublishedEventContract contract;

    /**
     * @param service      the module and {@code ce_source} name, e.g. {@code account-service}
     * @param schemaFolder the schema folder of a type, e.g. {@code account-events}
     * @param topic        the Kafka topic of a type
     * @param samples      one representative event per type: the golden sample whose JSON is frozen in
     *                     {@code src/test/resources/golden/<TypeName>.json}
     */
    public PublishedEvents(String service, EventCatalog<E, T> catalog, Function<T, String> schemaFolder,
                           Function<T, String> topic, Function<T, E> samples) {
        this.service = service;
        this.catalog = catalog;
        this.schemaFolder = schemaFolder;
        this.topic = topic;
        this.samples = samples;
        this.codec = new EventCodec<>(MAPPER, catalog);
        this.contract = new PublishedEventContract(service,
                type -> catalog.byName(type).map(t -> resource(schemaPath(t), type + ".json")), catalog::typeNames);
    }

    public String service() {
        return service;
    }

    public EventCatalog<E, T> catalog() {
        return catalog;
    }

    public List<T> types() {
        return catalog.types();
    }

    /** The golden sample of a type. */
    public E sample(T type) {
        return samples.apply(type);
    }

    public String topic(T type) {
        return topic.apply(type);
    }

    public String schemaFolder(T type) {
        return schemaFolder.apply(type);
    }

    /** Where the service serves the schemas of a type (and where ce_dataschema points), e.g. {@code /schemas/account-events/v1/}. */
    public String schemaPath(T type) {
        return "/schemas/" + schemaFolder(type) + "/v" + catalog.schemaVersion() + "/";
    }

    /** The ce_dataschema of a type, e.g. {@code /schemas/account-events/v1/AccountRegistered.json}. */
    public String dataSchema(T type) {
        return schemaPath(type) + type.typeName() + ".json";
    }

    /** The distinct schema paths, one per topic. */
    public List<String> schemaPaths() {
        return types().stream().map(this::schemaPath).distinct().toList();
    }

    /** The classpath resource of a schema file, e.g. {@code META-INF/resources/schemas/account-events/v1/Money.json}. */
    public static String resource(String schemaPath, String fileName) {
        return CLASSPATH_ROOT + schemaPath + fileName;
    }

    /** A schema file as a JSON tree, or {@code null} if there is none. */
    public JsonNode readSchemaFile(String schemaPath, String fileName) {
        return PublishedEventContract.readJson(resource(schemaPath, fileName));
    }

    /** The schema of a type as a JSON tree. */
    public JsonNode readSchemaFile(T type) {
        return readSchemaFile(schemaPath(type), type.typeName() + ".json");
    }

    public Set<ValidationMessage> validate(String typeName, String json) {
        return contract.validate(typeName, json);
    }

    public Set<ValidationMessage> validate(String typeName, JsonNode data) {
        return contract.validate(typeName, data);
    }

    public Set<ValidationMessage> validateHeaders(String typeName, Map<String, String> headers) {
        return contract.validateHeaders(typeName, headers);
    }

    public JsonSchema schema(String typeName) {
        return contract.schema(typeName);
    }

    public Optional<T> byName(String typeName) {
        return catalog.byName(typeName);
    }

    public T typeOf(E event) {
        return catalog.of(event);
    }

    /** The payload exactly as stored in the event store and sent as the Kafka record value. */
    public String encode(E event) {
        return codec.encode(event);
    }

    public static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The golden JSON of a type from the test classpath, or {@code null} if there is none. */
    public static JsonNode golden(String typeName) {
        try (InputStream in = PublishedEvents.class.getClassLoader().getResourceAsStream("golden/" + typeName + ".json")) {
            return in == null ? null : MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("golden/" + typeName + ".json is not valid JSON", e);
        }
    }

    public static String pretty(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
