package io.kamplatform.reporting.insight;

import io.kamplatform.reporting.projection.ProjectionLag;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Runs the insight pass when it is due and the pipeline is settled. Every {@code kam.insights.interval}: when the
 * projection has no lag and nothing was projected since the last look (the same facts, by count and versions, as one
 * interval before — a bulk load in progress is not concluded on half-way), a pass runs if something was projected
 * since the last pass or {@code reassess-every} has passed (time-based conclusions). Under ingest that never settles,
 * facts not yet assessed wait at most {@code max-delay}: then a pass runs anyway.
 */
@ApplicationScoped
public class InsightScheduler {

    private static final Logger LOG = Logger.getLogger(InsightScheduler.class);

    private final InsightPass pass;
    private final InsightStore store;
    private final InsightConfig config;
    private final InsightMetrics metrics;
    private final ProjectionLag lag;
    private final Clock clock;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private String lastSeen;
    private String lastPassed;
    private long lastPassNanos;
    private long unassessedSinceNanos = -1; // when facts the last pass did not see were first noticed
    private long timer = -1;

    public InsightScheduler(InsightPass pass, InsightStore store, InsightConfig config,
                            InsightMetrics metrics, ProjectionLag lag, Clock clock, Vertx vertx) {
        this.pass = pass;
        this.store = store;
        this.config = config;
        this.metrics = metrics;
        this.lag = lag;
        this.clock = clock;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        if (config.enabled()) {
            timer = vertx.setPeriodic(config.interval().toMillis(), id -> tick());
        } else {
            LOG.warn("insights disabled (kam.insights.enabled=false): no insight is derived or published");
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void tick() {
        if (!"CURRENT".equals(lag.current().state()) || !running.compareAndSet(false, true)) {
            return;
        }
        store.fingerprint().chain(fingerprint -> {
            boolean settled = fingerprint.equals(lastSeen);
            lastSeen = fingerprint;
            boolean newFacts = !fingerprint.equals(lastPassed);
            if (newFacts && unassessedSinceNanos < 0) {
                unassessedSinceNanos = System.nanoTime();
            }
            boolean waitedTooLong = newFacts && System.nanoTime() - unassessedSinceNanos >= config.maxDelay().toNanos();
            boolean due = newFacts || System.nanoTime() - lastPassNanos >= config.reassessEvery().toNanos();
            if (!(settled || waitedTooLong) || !due) {
                return Uni.createFrom().voidItem();
            }
            return pass.run(clock.instant()).invoke(result -> {
                if (result.ran()) {
                    lastPassed = fingerprint;
                    lastPassNanos = System.nanoTime();
                    unassessedSinceNanos = -1;
                    if (result.baseline()) {
                        LOG.infof("Insight baseline recorded: %d accounts' conclusions, nothing announced", result.accounts());
                    }
                }
            }).replaceWithVoid();
        }).subscribe().with(done -> running.set(false), failure -> {
            running.set(false);
            LOG.warnf("insight pass failed, will retry: %s", failure.getMessage());
        });
    }
}
