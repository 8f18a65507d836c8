package io.kamplatform.local;

import java.nio.file.Path;
import java.util.List;

/** A service of the platform as the launcher runs it: its module directory, database and port offset. */
record PlatformService(String directory, String database, int portOffset) {

    static final List<PlatformService> ALL = List.of(
            new PlatformService("account-service", "account", 0),
            new PlatformService("relationship-service", "relationship", 1),
            new PlatformService("reporting-service", "reporting", 2));

    /** The runnable produced by {@code mvn package} (Quarkus fast-jar layout). */
    Path jar(Path repo) {
        return repo.resolve(directory).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
