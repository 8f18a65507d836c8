package io.kamplatform.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;

/**
 * RFC 9457 problem details, with the extensions clients act on: per-field {@code violations}, a
 * rule {@code code}, and the {@code currentVersion} after a version conflict.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        String instance,
        String code,
        Long currentVersion,
        Long expectedVersion,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null, null, null, null, null);
    }

    public static Problem withStatus(ProblemType type, int status, String detail) {
        return new Problem(type.uri(), type.title(), status, detail, null, null, null, null, null);
    }

    public static Problem invalid(List<Violation> violations) {
        return new Problem(ProblemType.VALIDATION.uri(), ProblemType.VALIDATION.title(), 400,
                violations.size() == 1 ? violations.get(0).field() + ": " + violations.get(0).message()
                        : violations.size() + " fields are invalid", null, null, null, null, violations);
    }

    public Problem withCode(String newCode) {
        return new Problem(type, title, status, detail, instance, newCode, currentVersion, expectedVersion, violations);
    }

    public Problem withVersions(long expected, long current) {
        return new Problem(type, title, status, detail, instance, code, current, expected, violations);
    }

    public Problem withViolations(List<Violation> newViolations) {
        return new Problem(type, title, status, detail, instance, code, currentVersion, expectedVersion, newViolations);
    }

    public Problem at(String newInstance) {
        return new Problem(type, title, status, detail, newInstance, code, currentVersion, expectedVersion, violations);
    }
}
