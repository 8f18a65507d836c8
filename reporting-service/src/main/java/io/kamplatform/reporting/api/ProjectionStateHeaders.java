package io.kamplatform.reporting.api;

import io.kamplatform.reporting.projection.ProjectionLag;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every report says how current the projection behind it is, so a client can tell "catching up" from "current":
 * {@code KAM-Projection-State} ({@code CURRENT}, {@code CATCHING_UP}, or {@code UNKNOWN} before the first measurement),
 * {@code KAM-Projection-Lag} (records published and not yet projected, all topics) and {@code KAM-Data-As-Of} (the last
 * instant the projection had every record published before it).
 */
public class ProjectionStateHeaders {

    static final String STATE = "KAM-Projection-State";
    static final String LAG = "KAM-Projection-Lag";
    static final String DATA_AS_OF = "KAM-Data-As-Of";

    private final ProjectionLag lag;

    public ProjectionStateHeaders(ProjectionLag lag) {
        this.lag = lag;
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
    }
}
