package io.kamplatform.reporting.dashboard;

import io.kamplatform.kit.problem.Problem;
import io.kamplatform.kit.problem.ProblemException;
import io.kamplatform.kit.problem.Violation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Errors on a page answer as a page (the API's problem+json mappers are global; each dashboard resource maps its own
 * errors here, and class-local mappers win): a bad asOf or filter is a 400 saying what to change, an unknown account a
 * 404, a user without the role a 403 naming it.
 */
public final class DashboardErrors {

    private DashboardErrors() {
    }

    public static Response problem(ProblemException e) {
        Problem p = e.problem();
        List<Violation> violations = p.violations() == null ? List.of() : p.violations();
        String detail = violations.isEmpty() ? p.detail() : violations.stream()
                .map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; "));
        return page(p.status(), p.title(), detail);
    }

    public static Response forbidden() {
        return page(403, "Not allowed", "The dashboard needs the role kam-reader (or kam-admin); your sign-in does not carry it.");
    }

    public static Response page(int status, String title, String detail) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(status, title, detail).render()).build();
    }
}
