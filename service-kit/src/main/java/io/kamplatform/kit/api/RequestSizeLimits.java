package io.kamplatform.kit.api;

import io.kamplatform.kit.problem.Problem;
import io.kamplatform.kit.problem.ProblemResponses;
import io.kamplatform.kit.problem.ProblemType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses oversized bodies before they are parsed: 64 KiB for one event, 2 MiB for a batch. The
 * HTTP layer's hard limit (quarkus.http.limits.max-body-size) backs this for bodies without a length.
 */
public class RequestSizeLimits {
    // Paths ending in /batch are bulk endpoints; every other body is one event.

    static final long SINGLE_EVENT_BYTES = 64 * 1024;
    static final long BATCH_BYTES = 2 * 1024 * 1024;

    private final ProblemResponses responses;

    public RequestSizeLimits(ProblemResponses responses) {
        this.responses = responses;
    }

    @ServerRequestFilter
    public Response limit(ContainerRequestContext request) {
        int length = request.getLength();
        long limit = request.getUriInfo().getPath().endsWith("/batch") ? BATCH_BYTES : SINGLE_EVENT_BYTES;
        if (length > limit) {
            return responses.render(Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                    "the body has " + length + " bytes; at most " + limit + " are accepted here"
                            + (limit == SINGLE_EVENT_BYTES ? "; use the batch endpoint for bulk loads" : ""))
                    .at(request.getUriInfo().getPath()));
        }
        return null;
    }
}
