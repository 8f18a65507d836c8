package io.kamplatform.local;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns the broker's, the embedded server's and Testcontainers' INFO chatter down to WARN in a test JVM. Through JUL because under
 * {@code @QuarkusTest} Kafka's slf4j calls end in the JBoss LogManager, which is the JUL implementation there;
 * without a binding (this module's own tests) slf4j logs nothing anyway.
 */
final class QuietLogs {

    /** JUL holds loggers weakly; a level set on a collected logger is lost. */
    private static final List<Logger> KEPT = new ArrayList<>();

    private QuietLogs() {
    }

    static synchronized void apply() {
        if (!KEPT.isEmpty()) {
            return;
        }
        for (String name : new String[] {"kafka", "org.apache.kafka", "state.change.logger", "io.zonky",
                "org.testcontainers", "tc"}) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(Level.WARNING);
            KEPT.add(logger);
        }
        // Without Docker, Testcontainers' AUTO-mode probe logs a long ERROR; that outcome is expected here and the
        // chosen mode is logged by TestInfra instead.
        Logger dockerProbe = Logger.getLogger("org.testcontainers.dockerclient");
        dockerProbe.setLevel(Level.OFF);
        KEPT.add(dockerProbe);
    }
}
