package io.kamplatform.kit.problem;

import java.net.URI;

/**
 * A problem type (RFC 9457 {@code type}): a stable URN clients can switch on, a title and the status it
 * goes with. The common ones are constants here; a service adds its own with {@link #of}.
 */
public record ProblemType(URI uri, String title, int status) {

    public static final ProblemType VALIDATION = of("validation", "The request is invalid", 400);
    public static final ProblemType MALFORMED_JSON = of("malformed-json", "The request body is not valid JSON", 400);
    public static final ProblemType UNKNOWN_EVENT_TYPE = of("unknown-event-type", "Unknown event type", 400);
    public static final ProblemType PAYLOAD_TOO_LARGE = of("payload-too-large", "The request body is too large", 413);
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type", "Unsupported media type", 415);
    public static final ProblemType RULE_VIOLATION = of("rule-violation", "The event breaks a business rule", 422);
    public static final ProblemType EVENT_ID_REUSED = of("event-id-reused", "The event id was already used for a different event", 422);
    public static final ProblemType VERSION_CONFLICT = of("version-conflict", "The stream changed since the expected version", 409);
    public static final ProblemType NOT_FOUND = of("not-found", "Not found", 404);
    public static final ProblemType UNAUTHORIZED = of("unauthorized", "A valid bearer token is required", 401);
    public static final ProblemType FORBIDDEN = of("forbidden", "The token lacks the role this operation needs", 403);
    public static final ProblemType HTTP = of("http", "The request could not be served", 400);
    public static final ProblemType INTERNAL = of("internal", "Internal error", 500);
    /** The database or broker is unreachable or restarting: nothing was recorded, the same request succeeds later. */
    public static final ProblemType UNAVAILABLE = of("unavailable", "Temporarily unavailable; retry later", 503);

    public static ProblemType of(String slug, String title, int status) {
        return new ProblemType(URI.create("urn:kam-platform:problem:" + slug), title, status);
    }
}
