package io.kamplatform.local;

/** A running Kafka plus a PostgreSQL server, whatever their origin ({@link InfraMode}). */
public interface Infra extends AutoCloseable {

    String kafkaBootstrapServers();

    PostgresServer postgres();

    /** Stops what this instance started (nothing, for external servers). */
    @Override
    void close();

    /** Starts (or connects to) infrastructure for {@code mode}; {@code AUTO} is decided first. */
    static Infra start(InfraMode mode) {
        InfraMode effective = mode == InfraMode.AUTO ? InfraMode.effective() : mode;
        return switch (effective) {
            case EMBEDDED -> EmbeddedInfra.start();
            case TESTCONTAINERS -> ContainerInfra.start();
            case EXTERNAL -> ExternalInfra.fromSettings();
            case AUTO -> throw new AssertionError("AUTO is decided above");
        };
    }
}
