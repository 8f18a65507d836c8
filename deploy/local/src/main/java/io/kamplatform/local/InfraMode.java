package io.kamplatform.local;

import java.util.Locale;

/**
 * Where test infrastructure comes from, chosen by system property {@code kam.infra.mode} or environment variable
 * {@code KAM_INFRA_MODE} (case-insensitive), default {@link #AUTO}.
 */
public enum InfraMode {
    /** Testcontainers when a Docker daemon answers, otherwise {@link #EMBEDDED}. */
    AUTO,
    /** In-process Kafka broker and zonky PostgreSQL: no Docker, nothing installed. */
    EMBEDDED,
    /** Kafka and PostgreSQL containers (needs Docker and Testcontainers on the classpath). */
    TESTCONTAINERS,
    /**
     * Servers that already run: {@code KAM_KAFKA_BOOTSTRAP_SERVERS}, {@code KAM_POSTGRES_JDBC_URL} (an admin URL such
     * as {@code jdbc:postgresql://host:5432/postgres}), {@code KAM_POSTGRES_USER}, {@code KAM_POSTGRES_PASSWORD}.
     */
    EXTERNAL;

    public static final String ENV = "KAM_INFRA_MODE";
    public static final String PROPERTY = "kam.infra.mode";

    /** The configured mode, {@code AUTO} unless set. */
    public static InfraMode configured() {
        String value = Settings.get(ENV).orElse("auto");
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ENV + "/" + PROPERTY + " must be one of auto, embedded, testcontainers, "
                    + "external; got '" + value + "'");
        }
    }

    /** The configured mode with {@code AUTO} decided: never returns {@code AUTO}. */
    public static InfraMode effective() {
        InfraMode mode = configured();
        if (mode != AUTO) {
            return mode;
        }
        return dockerAvailable() ? TESTCONTAINERS : EMBEDDED;
    }

    /**
     * Asks Testcontainers whether Docker answers (about 0.3 s when it does not). Testcontainers is an optional
     * dependency, so any failure, including missing classes, means "no".
     */
    static boolean dockerAvailable() {
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }
}
