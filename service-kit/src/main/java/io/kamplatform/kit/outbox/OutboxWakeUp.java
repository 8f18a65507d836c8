package io.kamplatform.kit.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Wakes the relay when events commit (PostgreSQL LISTEN/NOTIFY, delivered at commit) so freshness
 * is milliseconds, plus a slow periodic pass that covers a lost connection, a failed publish and
 * rows held back behind a long-running transaction.
 */
/* Left out of services that publish nothing (kam.outbox.included=false at build time, e.g. reporting-service). */
@IfBuildProperty(name = "kam.outbox.included", stringValue = "true", enableIfMissing = true)
@ApplicationScoped
public class OutboxWakeUp {

    private static final Logger LOG = Logger.getLogger(OutboxWakeUp.class);
    static final String CHANNEL = "event_store_appended";

    private final Vertx vertx;
    private final OutboxRelay relay;
    private final boolean enabled;
    private final long intervalMillis;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private PgSubscriber subscriber;
    private long timer = -1;

    public OutboxWakeUp(Vertx vertx, OutboxRelay relay,
                        @ConfigProperty(name = "kam.outbox.enabled", defaultValue = "true") boolean enabled,
                        @ConfigProperty(name = "kam.outbox.poll-interval-ms", defaultValue = "1000") long intervalMillis,
                        @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                        @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                        @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.relay = relay;
        this.enabled = enabled;
        this.intervalMillis = intervalMillis;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            LOG.warn("outbox relay disabled (kam.outbox.enabled=false): events are stored but not published");
            return;
        }
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""));
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(attempts -> 1000L);
        subscriber.channel(CHANNEL).handler(payload -> relay.wakeUp());
        subscriber.connect().subscribe().with(
                ignored -> relay.wakeUp(),
                failure -> LOG.warnf("LISTEN %s failed, relying on polling: %s", CHANNEL, failure.getMessage()));
        timer = vertx.setPeriodic(intervalMillis, id -> relay.wakeUp());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }
}
