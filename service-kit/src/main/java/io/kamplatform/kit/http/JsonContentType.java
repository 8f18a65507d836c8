package io.kamplatform.kit.http;

import io.kamplatform.kit.problem.Problem;
import io.kamplatform.kit.problem.ProblemResponses;
import io.kamplatform.kit.problem.ProblemType;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * An endpoint that consumes JSON takes exactly {@code application/json}, optionally with {@code charset=utf-8}:
 * no missing Content-Type, no wildcard, no other charset. JAX-RS would otherwise treat a missing type as a match
 * and leave the body's encoding to guesswork; 415 with what to send is clearer.
 */
public class JsonContentType {

    public static final String DETAIL = "send Content-Type: application/json (UTF-8)";

    private final ProblemResponses responses;

    public JsonContentType(ProblemResponses responses) {
        this.responses = responses;
    }

    @ServerRequestFilter
    public Response check(ContainerRequestContext request, ResourceInfo resource) {
        if (!consumesJson(resource)) {
            return null;
        }
        String header = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (header != null && acceptable(header)) {
            return null;
        }
        return responses.render(Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, header == null
                ? "the request has no Content-Type; " + DETAIL
                : "'" + header + "' is not accepted here; " + DETAIL).at(request.getUriInfo().getPath()));
    }

    private static boolean acceptable(String header) {
        MediaType type;
        try {
            type = MediaType.valueOf(header);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        return type.getType().equalsIgnoreCase("application") && type.getSubtype().equalsIgnoreCase("json")
                && (charset == null || charset.equalsIgnoreCase("utf-8"));
    }

    private static boolean consumesJson(ResourceInfo resource) {
        Consumes consumes = resource.getResourceMethod() == null ? null : resource.getResourceMethod().getAnnotation(Consumes.class);
        if (consumes == null && resource.getResourceClass() != null) {
            consumes = resource.getResourceClass().getAnnotation(Consumes.class);
        }
        return consumes != null && Arrays.stream(consumes.value()).anyMatch(v -> v.contains(MediaType.APPLICATION_JSON));
    }
}
