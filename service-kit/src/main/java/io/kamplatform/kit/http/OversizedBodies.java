package io.kamplatform.kit.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kamplatform.kit.problem.Problem;
import io.kamplatform.kit.problem.ProblemType;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bodies over the HTTP layer's hard limit ({@code quarkus.http.limits.max-body-size}) get a 413 problem+json like
 * every other error. Quarkus's own check answers with an empty body; this route runs just before it (order -3,
 * Quarkus's is -2). The rest of the body is read and discarded, up to {@link #DRAIN_FACTOR} times the limit, so a
 * client that sends the whole body before reading the answer sees it instead of a broken connection; then the
 * connection is closed. The per-endpoint limits (64 KiB, 2 MiB) are {@code RequestSizeLimits}.
 */
@ApplicationScoped
public class OversizedBodies {

    static final int ROUTE_ORDER = -3;
    static final int DRAIN_FACTOR = 4;

    private final long limit;
    private final ObjectMapper mapper;

    public OversizedBodies(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize limit,
                           ObjectMapper mapper) {
        this.limit = limit.asLongValue();
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.route().order(ROUTE_ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        String header = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long length;
        try {
            length = header == null ? -1 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length <= limit) {
            context.next();
            return;
        }
        refuse(context, length);
    }

    private void refuse(RoutingContext context, long length) {
        HttpServerRequest request = context.request();
        String body = json(Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "the body has " + length + " bytes; at most "
                + limit + " are accepted by this server, and less by most endpoints (64 KiB per event, 2 MiB per batch)")
                .at(request.path()));
        Runnable answer = () -> {
            if (!context.response().ended()) {
                context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close").end(body)
                        .onComplete(done -> request.connection().close());
            }
        };
        if (length > limit * DRAIN_FACTOR) {
            answer.run();
            return;
        }
        request.handler(chunk -> { });
        request.endHandler(end -> answer.run());
        request.exceptionHandler(failure -> answer.run());
        request.resume();
    }

    private String json(Problem problem) {
        try {
            return mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("problem not serialisable", e);
        }
    }
}
