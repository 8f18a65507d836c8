package io.kamplatform.reporting.api;

import io.kamplatform.kit.api.EventReader;
import io.kamplatform.kit.problem.Problem;
import io.kamplatform.kit.problem.ProblemException;
import io.kamplatform.kit.problem.Violation;
import java.util.List;

/** The one check of an account (or customer) id taken from a path or query parameter: the platform's id rule. */
public final class IdParameter {

    private IdParameter() {
    }

    /** {@code value} when it is an id, else 400 naming {@code parameter} ({@code purpose} leads the message). */
    public static String require(String parameter, String value, String purpose) {
        if (value == null || !value.matches(EventReader.ID_PATTERN)) {
            throw new ProblemException(Problem.invalid(List.of(new Violation(parameter, purpose + EventReader.ID_MESSAGE))));
        }
        return value;
    }

    public static String accountId(String value) {
        return require("accountId", value, "");
    }
}
