package io.kamplatform.kit.api;

import io.kamplatform.kit.problem.Problem;
import io.kamplatform.kit.problem.ProblemException;
import io.kamplatform.kit.problem.Violation;
import java.util.List;

/** The expected stream version from the body or from an {@code If-Match} ETag; both must agree. */
public final class ExpectedVersion {

    private ExpectedVersion() {
    }

    public static Long resolve(Long fromBody, String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return fromBody;
        }
        String tag = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        long fromHeader;
        try {
            fromHeader = Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new ProblemException(Problem.invalid(List.of(new Violation("If-Match",
                    "must be the stream's ETag, a version number such as \"3\""))));
        }
        if (fromBody != null && fromBody != fromHeader) {
            throw new ProblemException(Problem.invalid(List.of(new Violation("expectedVersion",
                    "differs from If-Match (" + fromHeader + ")"))));
        }
        return fromHeader;
    }
}
