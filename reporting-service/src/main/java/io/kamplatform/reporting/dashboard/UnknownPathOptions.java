package io.kamplatform.reporting.dashboard;

import io.kamplatform.kit.problem.Problem;
import io.kamplatform.kit.problem.ProblemException;
import io.kamplatform.kit.problem.ProblemType;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;

/**
 * OPTIONS on a path no endpoint serves is a 404, as before the dashboard: with page resources at "/", JAX-RS would
 * answer every OPTIONS request 200 by itself and the HTTP metrics would be labelled with the raw, invented path.
 */
@Path("/")
public class UnknownPathOptions {

    @OPTIONS
    @Path("{path: .+}")
    @PermitAll
    public void none() {
        throw new ProblemException(Problem.of(ProblemType.NOT_FOUND, "no endpoint at this path"));
    }
}
