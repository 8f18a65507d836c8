package io.kamplatform.reporting.api;

import io.kamplatform.reporting.projection.ProjectionLag;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every report says how current the projection behind it is, so a client can tell "catching up" from "current":
 * {@code KAM-Projection-State} ({@code CURRENT}, {@code CATCHING_UP}, or {@code UNKNOWN} before the first measurement),
 * {@code KAM-Projection-Lag} (records published and not yet projected, all topics) and {@code KAM-Data-As-Of} (the last
 * instant the projection had every record published before it). An answer as known at a past instant says so:
 * {@code KAM-As-Known-At} (the instant; only facts recorded by then counted).
 */
public class ProjectionStateHeaders {

    static final String STATE = "KAM-Projection-State";
    static final String LAG = "KAM-Projection-Lag";
    static final String DATA_AS_OF = "KAM-Data-As-Of";
    static final String AS_KNOWN_AT = "KAM-As-Known-At";

    private final ProjectionLag lag;
    private final java.time.Clock clock;

    public ProjectionStateHeaders(ProjectionLag lag, java.time.Clock clock) {
        this.lag = lag;
        this.clock = clock;
    }

    @ServerResponseFilter
    public void addProjectionState(ContainerRequestContext request, ContainerResponseContext response) {
        if (!request.getUriInfo().getPath().startsWith("/api/reports")) {
            return;
        }
        ProjectionLag.Snapshot snapshot = lag.current();
        response.getHeaders().putSingle(STATE, snapshot.state());
        if (snapshot.measuredAt() != null) {
            response.getHeaders().putSingle(LAG, String.valueOf(snapshot.lagRecords()));
        }
        if (snapshot.dataAsOf() != null) {
            response.getHeaders().putSingle(DATA_AS_OF, snapshot.dataAsOf().toString());
        }
        String asKnownAt = request.getUriInfo().getQueryParameters().getFirst("asKnownAt");
        if (asKnownAt != null && response.getStatus() < 300) { // parsed before: a bad value was answered with a 400
            java.time.Instant knownAt = AsKnownAt.parse(null, asKnownAt, clock).knownAt();
            if (knownAt != null) {
                response.getHeaders().putSingle(AS_KNOWN_AT, knownAt.toString());
            }
        }
    }
}
