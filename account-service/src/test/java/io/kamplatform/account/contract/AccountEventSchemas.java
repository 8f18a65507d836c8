package io.kamplatform.account.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import io.kamplatform.account.store.AccountEventType;
import io.kamplatform.local.contract.PublishedEventContract;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The published JSON Schemas of the account events (the {@code data} of the CloudEvents on
 * {@code kam.account.events}), as the service serves them at {@code /schemas/account-events/v1/<TypeName>.json},
 * and the headers of its AsyncAPI document. For contract tests, including ones that consume real Kafka records:
 * <pre>{@code
 * assertThat(AccountEventSchemas.validate(ceType, record.value())).isEmpty();
 * assertThat(AccountEventSchemas.validateHeaders(ceType, headersAsUtf8Strings)).isEmpty();
 * }</pre>
 */
public final class AccountEventSchemas {

    /** Where the service serves the schemas (and where ce_dataschema points): under META-INF/resources. */
    public static final String SCHEMA_PATH = "/schemas/account-events/v" + AccountEventType.CURRENT_SCHEMA_VERSION + "/";
    static final String CLASSPATH_ROOT = PublishedEventContract.CLASSPATH_ROOT;
    /** The AsyncAPI document, served at {@code /asyncapi.yaml}. */
    public static final String ASYNCAPI_RESOURCE = PublishedEventContract.ASYNCAPI_RESOURCE;

    private static final PublishedEventContract CONTRACT = new PublishedEventContract("account-service",
            type -> Optional.of(resource(type + ".json")), AccountEventType::typeNames);

    private AccountEventSchemas() {
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

    /** The classpath resource of a schema file, e.g. {@code META-INF/resources/schemas/account-events/v1/Money.json}. */
    public static String resource(String fileName) {
        return CLASSPATH_ROOT + SCHEMA_PATH + fileName;
    }

    /** A schema file as a JSON tree, or {@code null} if there is none. */
    public static JsonNode readSchemaFile(String fileName) {
        return PublishedEventContract.readJson(resource(fileName));
    }
}
