package io.kamplatform.reporting.dashboard;

import io.kamplatform.kit.api.Roles;
import io.kamplatform.kit.problem.ProblemException;
import io.kamplatform.reporting.api.AsOf;
import io.kamplatform.reporting.api.PlanResource;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Plan coverage over the key accounts, as {@code GET /api/reports/portfolio/plans} answers it (the page asks that
 * resource): key accounts without a current plan, plans not reviewed for 90 days, overdue actions per manager. The two
 * account lists are paged together, {@value #PAGE} rows a page, and the page says how many there are in all.
 */
@Path("/plans")
@RolesAllowed({Roles.KAM_READER, Roles.KAM_ADMIN})
@Produces(MediaType.TEXT_HTML)
public class PlanCoveragePage {

    /** Rows of each account list on a page. */
    static final int PAGE = 100;

    private final PlanResource plans;
    private final SecurityIdentity identity;
    private final Clock clock;

    public PlanCoveragePage(PlanResource plans, SecurityIdentity identity, Clock clock) {
        this.plans = plans;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    public Uni<TemplateInstance> coverage(@QueryParam("asOf") String asOf, @QueryParam("offset") String offset) {
        Instant at = AsOf.parse(asOf, clock);
        int from = AccountPage.offset(offset);
        ViewState state = ViewState.of("/plans", asOf, "offset", from == 0 ? null : String.valueOf(from));
        return plans.coverage(at.toString(), null, PAGE, from, null).map(report -> Templates.plans(
                Frame.of("Account plans", "plans", state, at, identity.getPrincipal().getName()), report,
                Freshness.of(report.readModel())));
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return DashboardErrors.problem(e);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return DashboardErrors.forbidden();
    }
}
