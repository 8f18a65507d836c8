package io.kamplatform.bench.perf.workload;

import io.kamplatform.bench.perf.BenchContext;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment the launcher gives a service (deploy/local README, "Each service gets these environment
 * variables"), for an extra instance on its own port and database, in a consumer group of its own.
 */
final class ServiceEnvironment {

    private ServiceEnvironment() {
    }

    static Map<String, String> of(BenchContext ctx, int port, String database, String consumerGroup) {
        int pg = ctx.options().postgresPort();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("KAFKA_BOOTSTRAP_SERVERS", ctx.platform().kafkaBootstrap());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:" + pg + "/" + database);
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://localhost:" + pg + "/" + database);
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "");
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", ctx.platform().home().resolve("keys/publicKey.pem").toString());
        env.put("MP_JWT_VERIFY_ISSUER", "https://kam-platform.local");
        if (consumerGroup != null) {
            env.put("MP_MESSAGING_CONNECTOR_SMALLRYE_KAFKA_GROUP_ID", consumerGroup);
        }
        return env;
    }

    static Path jar(BenchContext ctx, String service) {
        return ctx.options().repo().resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
