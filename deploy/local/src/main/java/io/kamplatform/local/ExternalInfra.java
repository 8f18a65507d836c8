package io.kamplatform.local;

/** Kafka and PostgreSQL that run elsewhere (CI services, a shared dev cluster); nothing to start or stop. */
final class ExternalInfra implements Infra {

    private final String bootstrapServers;
    private final PostgresServer postgres;

    ExternalInfra(String bootstrapServers, PostgresServer postgres) {
        this.bootstrapServers = bootstrapServers;
        this.postgres = postgres;
    }

    static ExternalInfra fromSettings() {
        String kafka = Settings.require("KAM_KAFKA_BOOTSTRAP_SERVERS", "the Kafka bootstrap servers (host:port)");
        String jdbc = Settings.require("KAM_POSTGRES_JDBC_URL",
                "an admin JDBC URL such as jdbc:postgresql://localhost:5432/postgres");
        String user = Settings.get("KAM_POSTGRES_USER").orElse("postgres");
        String password = Settings.get("KAM_POSTGRES_PASSWORD").orElse("");
        return new ExternalInfra(kafka, PostgresServer.fromJdbcUrl(jdbc, user, password));
    }

    @Override
    public String kafkaBootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public PostgresServer postgres() {
        return postgres;
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
