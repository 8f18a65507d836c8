package io.kamplatform.local;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} application at real Kafka and PostgreSQL from {@link TestInfra}, and at the key
 * that verifies {@link TestInfra#tokenFor} tokens.
 *
 * <p>Quarkus 3.33 supports both annotations (neither is deprecated):
 * <pre>{@code
 * // per test class; classes with the same resources share one application start
 * @QuarkusTest
 * @WithTestResource(value = KamInfraTestResource.class,
 *         initArgs = @ResourceArg(name = KamInfraTestResource.DATABASE, value = "account"))
 * class AccountResourceTest { ... }
 *
 * // or once per module: @QuarkusTestResource applies to every @QuarkusTest of the module
 * @QuarkusTestResource(value = KamInfraTestResource.class,
 *         initArgs = @ResourceArg(name = "database", value = "account"))
 * }</pre>
 * Tokens: {@code TestInfra.instance().tokenFor(Roles.CRM_WRITER)}.
 *
 * <p>{@link #start()} returns {@code kafka.bootstrap.servers}, {@code quarkus.datasource.jdbc.url},
 * {@code quarkus.datasource.reactive.url}, {@code quarkus.datasource.username}, {@code quarkus.datasource.password},
 * {@code mp.jwt.verify.publickey.location} and {@code mp.jwt.verify.issuer}.
 * {@link #stop()} does nothing: the infrastructure lives as long as the test JVM, across application restarts.
 */
public class KamInfraTestResource implements QuarkusTestResourceLifecycleManager {

    /** Init arg naming the service's database, e.g. {@code account}. Required. */
    public static final String DATABASE = "database";

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get(DATABASE);
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException(getClass().getSimpleName()
                    + " needs initArgs = @ResourceArg(name = \"database\", value = \"<service database>\")");
        }
    }

    @Override
    public Map<String, String> start() {
        TestInfra infra = TestInfra.instance();
        Database db = infra.database(database);
        return Map.of(
                "kafka.bootstrap.servers", infra.kafkaBootstrapServers(),
                "quarkus.datasource.jdbc.url", db.jdbcUrl(),
                "quarkus.datasource.reactive.url", db.reactiveUrl(),
                "quarkus.datasource.username", db.username(),
                "quarkus.datasource.password", db.password(),
                "mp.jwt.verify.publickey.location", infra.publicKeyLocation(),
                "mp.jwt.verify.issuer", TokenMinter.ISSUER);
    }

    @Override
    public void stop() {
        // The JVM-wide TestInfra outlives application restarts; its shutdown hook stops it.
    }
}
