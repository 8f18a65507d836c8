package io.kamplatform.local;

import java.nio.file.Path;
import java.util.List;

/**
 * A service of the platform as the launcher runs it: its module directory, database, port offset and the Kafka
 * consumer groups it joins (keep in step with {@code group.id} in the service's application.properties).
 */
record PlatformService(String directory, String database, int portOffset, List<String> consumerGroups) {

    static final List<PlatformService> ALL = List.of(
            new PlatformService("account-service", "account", 0, List.of()),
            new PlatformService("relationship-service", "relationship", 1, List.of("relationship-service")),
            new PlatformService("reporting-service", "reporting", 2, List.of("reporting-service", "reporting-service-webhooks")));

    /** The runnable produced by {@code mvn package} (Quarkus fast-jar layout). */
    Path jar(Path repo) {
        return repo.resolve(directory).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
