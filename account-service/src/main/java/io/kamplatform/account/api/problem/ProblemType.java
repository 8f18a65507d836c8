package io.kamplatform.account.api.problem;

import java.net.URI;

/**
 * The problem types this service answers with (RFC 9457 {@code type}). URNs: stable identifiers
 * clients can switch on; the README lists them with their meaning.
 */
public enum ProblemType {
    VALIDATION("validation", "The request is invalid", 400),
    MALFORMED_JSON("malformed-json", "The request body is not valid JSON", 400),
    UNKNOWN_EVENT_TYPE("unknown-event-type", "Unknown event type", 400),
    PAYLOAD_TOO_LARGE("payload-too-large", "The request body is too large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    RULE_VIOLATION("rule-violation", "The event breaks a business rule", 422),
    EVENT_ID_REUSED("event-id-reused", "The event id was already used for a different event", 422),
    VERSION_CONFLICT("version-conflict", "The account changed since the expected version", 409),
    NOT_FOUND("not-found", "Not found", 404),
    UNAUTHORIZED("unauthorized", "A valid bearer token is required", 401),
    FORBIDDEN("forbidden", "The token lacks the role this operation needs", 403),
    HTTP("http", "The request could not be served", 400),
    INTERNAL("internal", "Internal error", 500);

    private final URI uri;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.uri = URI.create("urn:kam-platform:problem:" + slug);
        this.title = title;
        this.status = status;
    }

    public URI uri() {
        return uri;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }
}
