package io.kamplatform.reporting.application;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Report computation (folding histories, scoring, ranking) must never run on a Vert.x event loop: a loop blocked for
 * seconds stalls the projection and every other request it serves. {@link #offLoop} moves the rest of a pipeline to a
 * worker thread; {@link #computing} is called where the work starts and counts
 * {@code kam.reports.computed.on.event.loop{report}} (and logs) when it finds itself on a loop anyway, so a test or an
 * operator sees any path that slipped back onto it.
 * The read queries of {@code SummaryStore} and {@code FactStore} already deliver on a worker (they map their rows
 * there): their results need no second hop.
 */
@ApplicationScoped
public class EventLoopGuard {

    private static final Logger LOG = Logger.getLogger(EventLoopGuard.class);

    private final MeterRegistry registry;

    public EventLoopGuard(MeterRegistry registry) {
        this.registry = registry;
        registry.counter("kam.reports.computed.on.event.loop", "report", "none");
    }

    /** The items of {@code uni} delivered on a worker thread, whatever thread produced them (e.g. the SQL client's loop). */
    public static <T> Uni<T> offLoop(Uni<T> uni) {
        return uni.emitOn(Infrastructure.getDefaultWorkerPool());
    }

    /** Report work for {@code report} starts here; counted when it runs on an event loop. */
    public void computing(String report) {
        if (Context.isOnEventLoopThread()) {
            registry.counter("kam.reports.computed.on.event.loop", "report", report).increment();
            LOG.warnf("Report %s computed on the event loop %s: move it to a worker thread", report,
                    Thread.currentThread().getName());
        }
    }
}
