package io.kamplatform.account.api;

import io.kamplatform.account.api.problem.Problem;
import io.kamplatform.account.api.problem.ProblemException;
import io.kamplatform.account.api.problem.Violation;
import java.util.List;

/** The expected stream version from the body or from an {@code If-Match} ETag; both must agree. */
final class ExpectedVersion {

    private ExpectedVersion() {
    }

    static Long resolve(Long fromBody, String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return fromBody;
        }
        String tag = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        long fromHeader;
        try {
            fromHeader = Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new ProblemException(Problem.invalid(List.of(new Violation("If-Match",
                    "must be the account's ETag, a version number such as \"3\""))));
        }
        if (fromBody != null && fromBody != fromHeader) {
            throw new ProblemException(Problem.invalid(List.of(new Violation("expectedVersion",
                    "differs from If-Match (" + fromHeader + ")"))));
        }
        return fromHeader;
    }
}
