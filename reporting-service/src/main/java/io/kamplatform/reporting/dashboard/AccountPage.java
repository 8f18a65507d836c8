package io.kamplatform.reporting.dashboard;

import io.kamplatform.kit.api.Roles;
import io.kamplatform.kit.problem.Problem;
import io.kamplatform.kit.problem.ProblemException;
import io.kamplatform.kit.problem.ProblemType;
import io.kamplatform.reporting.api.AsOf;
import io.kamplatform.reporting.api.IdParameter;
import io.kamplatform.reporting.api.TimelineResource;
import io.kamplatform.reporting.application.AccountAssessment;
import io.kamplatform.reporting.application.CommercialRiskReports;
import io.kamplatform.reporting.application.KamReports;
import io.kamplatform.reporting.application.PlanReports;
import io.kamplatform.reporting.domain.plan.PlanAssessment;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * One account: health with factors and trend, stage with reasons, where its account plan stands (one line, the plan in
 * full on its own page), DMU map with who left, a page of the timeline, margin by quarter and each contract's discount
 * steps and concessions, from the same assessment and reports as the account API.
 */
@Path("/accounts/{accountId}")
@RolesAllowed({Roles.KAM_READER, Roles.KAM_ADMIN})
@Produces(MediaType.TEXT_HTML)
public class AccountPage {

    static final int TIMELINE_PAGE = 25;
    static final int HISTORY_MONTHS = 12;

    private final KamReports reports;
    private final CommercialRiskReports risk;
    private final TimelineResource timeline;
    private final PlanReports plans;
    private final ChartData charts;
    private final SecurityIdentity identity;
    private final Clock clock;

    public AccountPage(KamReports reports, CommercialRiskReports risk, TimelineResource timeline, PlanReports plans,
                       ChartData charts, SecurityIdentity identity, Clock clock) {
        this.reports = reports;
        this.risk = risk;
        this.timeline = timeline;
        this.plans = plans;
        this.charts = charts;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    public Uni<TemplateInstance> account(@PathParam("accountId") String accountId, @QueryParam("asOf") String asOf,
                                         @QueryParam("offset") String offset) {
        IdParameter.accountId(accountId);
        Instant at = AsOf.parse(asOf, clock);
        int from = offset(offset);
        ViewState state = ViewState.of("/accounts/" + accountId, asOf, "offset", from == 0 ? null : String.valueOf(from));
        Uni<AccountAssessment> assessed = reports.account(accountId, at).map(found -> found.orElseThrow(() ->
                new ProblemException(Problem.of(ProblemType.NOT_FOUND, "nothing is known about account '" + accountId
                        + "' as of " + at))));
        return assessed.chain(a -> Uni.combine().all().unis(
                        reports.healthHistory(accountId, at, HISTORY_MONTHS),
                        risk.accountMarginPressure(accountId, at),
                        timeline.timeline(accountId, at.toString(), from, TIMELINE_PAGE)).asTuple()
                .map(t -> {
                    List<HealthPoint> history = t.getItem1().entrySet().stream().map(e -> new HealthPoint(
                            e.getKey().atOffset(ZoneOffset.UTC).toLocalDate().toString(), e.getValue())).toList();
                    var margin = t.getItem2().orElse(null);
                    Charts c = new Charts(Map.of("sparkline", charts.sparkline(history), "factors", charts.factors(a.health()),
                            "margin", charts.marginByQuarter(margin == null ? List.of() : margin.quarters())));
                    Frame frame = Frame.of(accountId, "account", state, at, identity.getPrincipal().getName());
                    // The plan line: the plan report's own assessment, of the facts the page already folded.
                    PlanAssessment plan = PlanAssessment.of(a.facts(), at);
                    return Templates.account(frame, a, plan, DmuRow.of(a.dmu()), margin,
                            ContractHistory.of(a.facts(), margin), t.getItem3(), from, c);
                }));
    }

    /**
     * The account's plan as {@code GET /api/reports/accounts/{id}/plan} assesses it: period, mission and sponsor,
     * revenue against the target (in full and pro rata), each objective with its status, the overdue actions, the
     * reviews and whether one is due; an account without a current plan says so, with the plans it had.
     */
    @GET
    @Path("plan")
    public Uni<TemplateInstance> plan(@PathParam("accountId") String accountId, @QueryParam("asOf") String asOf) {
        IdParameter.accountId(accountId);
        Instant at = AsOf.parse(asOf, clock);
        ViewState state = ViewState.of("/accounts/" + accountId + "/plan", asOf);
        return plans.account(accountId, at).map(found -> {
            PlanReports.AccountPlans p = found.orElseThrow(() -> new ProblemException(Problem.of(ProblemType.NOT_FOUND,
                    "nothing is known about account '" + accountId + "' as of " + at)));
            Frame frame = Frame.of("Account plan of " + accountId, "account", state, at, identity.getPrincipal().getName());
            return Templates.accountPlan(frame, accountId, p.current(), p.plans());
        });
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return DashboardErrors.problem(e);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return DashboardErrors.forbidden();
    }

    /** A list's offset from the URL: 0 when absent, else a whole number from 0 (a 400 naming it otherwise). */
    static int offset(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= 0 && parsed <= 1_000_000) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw DashboardPages.invalid("offset", "must be a whole number from 0");
    }
}
