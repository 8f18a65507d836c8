package io.kamplatform.kit.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.jboss.logging.Logger;

/**
 * What the running service knows about its outbox, for metrics, readiness and the admin API: the backlog, the
 * invariant's state and the last audit. A broken invariant is logged as an error once per occurrence and keeps
 * readiness DOWN until it is repaired.
 */
@IfBuildProperty(name = "kam.outbox.included", stringValue = "true", enableIfMissing = true)
@ApplicationScoped
public class OutboxStatus {

    private static final Logger LOG = Logger.getLogger(OutboxStatus.class);

    private final MeterRegistry registry;
    private final Counter published;
    private final DistributionSummary passEvents;
    private volatile OutboxCheckpoint checkpoint;
    private volatile OutboxBacklog backlog = new OutboxBacklog(0, null);
    private volatile String violation;
    private volatile long gapEvents;
    private volatile OutboxAuditResult lastAudit;

    public OutboxStatus(MeterRegistry registry) {
        this.registry = registry;
        this.published = Counter.builder("kam.outbox.published").description("Events published to Kafka by the relay")
                .register(registry);
        this.passEvents = DistributionSummary.builder("kam.outbox.pass.events")
                .description("Events a relay pass published (passes that published nothing are not counted)")
                .register(registry);
        Gauge.builder("kam.outbox.unpublished.events", this, s -> s.backlog.events())
                .description("Committed events after the outbox checkpoint, not yet on Kafka").register(registry);
        Gauge.builder("kam.outbox.oldest.unpublished.seconds", this, OutboxStatus::oldestUnpublishedSeconds)
                .description("Age of the first unpublished event in publication order (0 when none)").register(registry);
        Gauge.builder("kam.outbox.gap.events", this, s -> s.gapEvents)
                .description("Committed events found behind the checkpoint and not yet republished (must be 0)")
                .register(registry);
    }

    void published(int events) {
        published.increment(events);
        passEvents.record(events);
    }

    void republished(long events, String reason) {
        registry.counter("kam.outbox.republished", "reason", reason).increment(events);
    }

    /** A relay pass found rows it was about to step over: it publishes nothing until that is resolved. */
    void passViolated(String description) {
        if (!description.equals(violation)) {
            LOG.errorf("outbox invariant violated, relay halted so that no event is skipped: %s", description);
            registry.counter("kam.outbox.invariant.violations", "check", "pass").increment();
        }
        violation = description;
    }

    void passHeld() {
        if (violation != null) {
            LOG.infof("outbox invariant holds again; relay resumed");
        }
        violation = null;
    }

    /** The audit found committed events behind the checkpoint that were never published. */
    void gapFound(long events) {
        registry.counter("kam.outbox.invariant.violations", "check", "audit").increment();
        gapEvents = events;
    }

    void audited(OutboxAuditResult result) {
        lastAudit = result;
        gapEvents = 0;
    }

    void observed(OutboxCheckpoint checkpoint, OutboxBacklog backlog) {
        this.checkpoint = checkpoint;
        this.backlog = backlog;
    }

    public boolean healthy() {
        return violation == null && gapEvents == 0;
    }

    public String violation() {
        return violation;
    }

    public long gapEvents() {
        return gapEvents;
    }

    public OutboxCheckpoint checkpoint() {
        return checkpoint;
    }

    public OutboxBacklog backlog() {
        return backlog;
    }

    public OutboxAuditResult lastAudit() {
        return lastAudit;
    }

    public double oldestUnpublishedSeconds() {
        OffsetDateTime oldest = backlog.oldestRecordedAt();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, OffsetDateTime.now()).toMillis() / 1000.0);
    }
}
