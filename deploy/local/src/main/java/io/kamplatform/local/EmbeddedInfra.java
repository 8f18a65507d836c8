package io.kamplatform.local;

/** Ephemeral in-process Kafka and embedded PostgreSQL on free ports, started in parallel. */
final class EmbeddedInfra implements Infra {

    private final LocalKafka kafka;
    private final LocalPostgres postgres;

    private EmbeddedInfra(LocalKafka kafka, LocalPostgres postgres) {
        this.kafka = kafka;
        this.postgres = postgres;
    }

    static EmbeddedInfra start() {
        // Both take 1-3 s, mostly waiting; overlapping them halves the test JVM's startup.
        var postgresStart = java.util.concurrent.CompletableFuture.supplyAsync(LocalPostgres::start);
        LocalKafka kafka;
        try {
            kafka = LocalKafka.start();
        } catch (RuntimeException e) {
            postgresStart.thenAccept(LocalPostgres::close);
            throw e;
        }
        try {
            return new EmbeddedInfra(kafka, postgresStart.join());
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public PostgresServer postgres() {
        return postgres.server();
    }

    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            postgres.close();
        }
    }
}
