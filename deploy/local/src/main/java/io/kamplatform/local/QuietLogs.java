package io.kamplatform.local;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applied by {@link LocalKafka} and {@link TestInfra}. Turns the broker's, the embedded server's and Testcontainers' INFO chatter down to WARN in a test JVM. Through JUL because under
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
        for (String name : new String[] {"io.zonky", "org.testcontainers", "tc"}) {
            keep(name, Level.WARNING);
        }
        // The broker's own packages warn about what is normal for a fresh single node (empty metadata log, ...).
        // Kafka clients (org.apache.kafka.clients) stay at the application's level: their warnings matter in tests.
        for (String name : new String[] {"kafka", "state.change.logger", "org.apache.kafka.controller",
                "org.apache.kafka.raft", "org.apache.kafka.metadata", "org.apache.kafka.server",
                "org.apache.kafka.storage", "org.apache.kafka.image", "org.apache.kafka.coordinator",
                "org.apache.kafka.clients.NetworkClient"}) {
            keep(name, Level.SEVERE);
        }
        // Without Docker, Testcontainers' AUTO-mode probe logs a long ERROR; that outcome is expected here and the
        // chosen mode is logged by TestInfra instead.
        keep("org.testcontainers.dockerclient", Level.OFF);
    }

    private static void keep(String name, Level level) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(level);
        KEPT.add(logger);
        Logger jboss = jbossLogger(name);
        if (jboss != null) {
            jboss.setLevel(level);
            KEPT.add(jboss);
        }
    }

    /**
     * The JBoss LogManager logger of that name, if JBoss LogManager is present: slf4j-jboss-logmanager logs through
     * it directly, even when JUL was initialised with the JDK's LogManager (test frameworks touch JUL early).
     */
    private static Logger jbossLogger(String name) {
        try {
            Class<?> contextClass = Class.forName("org.jboss.logmanager.LogContext", true, QuietLogs.class.getClassLoader());
            Object context = contextClass.getMethod("getLogContext").invoke(null);
            return (Logger) contextClass.getMethod("getLogger", String.class).invoke(context, name);
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            return null;
        }
    }
}
