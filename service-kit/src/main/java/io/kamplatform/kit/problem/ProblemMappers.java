package io.kamplatform.kit.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.kamplatform.kit.store.ConcurrentAppendException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.logging.Logger;
import io.kamplatform.kit.http.JsonContentType;
import io.kamplatform.kit.http.MistypedParameters;
import io.kamplatform.kit.http.RequiredRoles;
import io.kamplatform.kit.messaging.InfrastructureFailures;
import io.kamplatform.kit.security.FutureIssuedTokens;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure leaves as RFC 9457 problem+json: client mistakes as 4xx that say what is wrong,
 * never as a 5xx; an unavailable database or broker as a 503 with Retry-After; unexpected failures as a 500
 * without internals.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    @Inject
    ProblemResponses responses;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return render(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response mismatch(MismatchedInputException e, UriInfo uri) {
        return render(Problem.invalid(List.of(JacksonViolations.of(null, e))), uri);
    }

    @ServerExceptionMapper
    public Response mapping(JsonMappingException e, UriInfo uri) {
        return render(Problem.invalid(List.of(JacksonViolations.of(null, e))), uri);
    }

    @ServerExceptionMapper
    public Response malformed(JsonParseException e, UriInfo uri) {
        return render(Problem.of(ProblemType.MALFORMED_JSON, e.getOriginalMessage()), uri);
    }

    @ServerExceptionMapper
    public Response unreadable(StreamReadException e, UriInfo uri) {
        return render(Problem.of(ProblemType.MALFORMED_JSON, e.getOriginalMessage()), uri);
    }

    @ServerExceptionMapper
    public Response constraints(ConstraintViolationException e, UriInfo uri) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(lastNodes(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return render(Problem.invalid(violations), uri);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(render(Problem.of(ProblemType.UNAUTHORIZED, issuedInTheFuture(e)
                        ? FutureIssuedTokens.DETAIL + "; send a token issued now"
                        : "send 'Authorization: Bearer <token>' with a valid, unexpired token"), uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response contention(ConcurrentAppendException e, UriInfo uri) {
        return render(Problem.of(ProblemType.VERSION_CONFLICT,
                "the stream is being changed by many writers at once; retry the same request"), uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, ResourceInfo resource) {
        List<String> roles = RequiredRoles.of(resource.getResourceMethod(), resource.getResourceClass());
        return render(Problem.of(ProblemType.FORBIDDEN, roles.isEmpty()
                ? "the token's groups do not include a role allowed here"
                : "this operation needs a token whose groups claim includes " + String.join(" or ", roles)), uri);
    }

    /** JAX-RS answers 404 when a query or path parameter does not convert; that is the client's typo, not a missing resource. */
    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri, ResourceInfo resource) {
        if (e.getCause() != null) {
            List<Violation> mistyped = MistypedParameters.of(resource.getResourceMethod(), uri);
            return render(mistyped.isEmpty()
                    ? Problem.of(ProblemType.VALIDATION, "a query or path parameter does not have the expected type")
                    : Problem.invalid(mistyped), uri);
        }
        return http(e, uri);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        // The body reader wraps some Jackson failures (e.g. a truncated document) in a plain 400.
        if (e.getCause() instanceof JsonMappingException mapping) {
            return mapping(mapping, uri);
        }
        if (e.getCause() instanceof StreamReadException unreadable) {
            return unreadable(unreadable, uri);
        }
        int status = e.getResponse().getStatus();
        ProblemType type = switch (status) {
            case 404 -> ProblemType.NOT_FOUND;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 401 -> ProblemType.UNAUTHORIZED;
            case 403 -> ProblemType.FORBIDDEN;
            default -> ProblemType.HTTP;
        };
        if (status >= 500) {
            LOG.error("request failed", e);
            return render(Problem.of(ProblemType.INTERNAL, "unexpected error; it has been logged"), uri);
        }
        return render(Problem.withStatus(type, status, detail(status, e)), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (InfrastructureFailures.isInfrastructure(e)) {
            // Not the client's fault and not a bug: the database or broker is down or restarting. A retry with the
            // same event id is safe, so say so instead of answering 500.
            LOG.warnf("request not served, infrastructure unavailable: %s", e.getMessage());
            return Response.fromResponse(render(Problem.of(ProblemType.UNAVAILABLE,
                            "the database or message broker is unavailable; nothing was recorded, retry with the same eventId"), uri))
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        LOG.error("unexpected failure", e);
        return render(Problem.of(ProblemType.INTERNAL, "unexpected error; it has been logged"), uri);
    }

    private static boolean issuedInTheFuture(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (FutureIssuedTokens.DETAIL.equals(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** Sentences a client can act on instead of the framework's wording ("did not match the value in @Consumes"). */
    private static String detail(int status, WebApplicationException e) {
        return switch (status) {
            case 404 -> "no resource at this path; see /q/openapi for the API";
            case 405 -> "this path does not support the method; see /q/openapi for the API";
            case 406 -> "this API answers application/json (errors application/problem+json); accept one of them";
            case 413 -> "the body is too large";
            case 415 -> JsonContentType.DETAIL;
            default -> e.getMessage();
        };
    }

    private Response render(Problem problem, UriInfo uri) {
        return responses.render(problem.at(uri.getPath()));
    }

    /** Method-parameter paths such as {@code record.arg1.eventId} are reduced to the field path. */
    private static String lastNodes(String path) {
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : path;
    }
}
