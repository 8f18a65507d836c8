package io.kamplatform.reporting.dashboard;

import io.kamplatform.kit.api.Roles;
import io.kamplatform.kit.problem.Problem;
import io.kamplatform.kit.problem.ProblemException;
import io.kamplatform.kit.problem.ProblemType;
import io.kamplatform.kit.problem.Violation;
import io.kamplatform.reporting.api.AsOf;
import io.kamplatform.reporting.api.IdParameter;
import io.kamplatform.reporting.api.PortfolioResource;
import io.kamplatform.reporting.application.CommercialRiskReports;
import io.kamplatform.reporting.domain.dependency.CustomerBasis;
import io.kamplatform.reporting.domain.dependency.CustomerShare;
import io.kamplatform.reporting.domain.dependency.UnknownCustomerException;
import io.kamplatform.reporting.domain.margin.MarginPressureFilter;
import io.kamplatform.reporting.domain.margin.PressureFlag;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The portfolio pages. Every figure comes from the same report code as /api (CommercialRiskReports, and the portfolio
 * resource for band counts and manager alerts); the pages only lay the figures out.
 */
@Path("/")
@RolesAllowed({Roles.KAM_READER, Roles.KAM_ADMIN})
@Produces(MediaType.TEXT_HTML)
public class DashboardPages {

    /** The What-if picker offers the biggest customers; any other id can still be typed. */
    static final int PICKER_CUSTOMERS = 200;
    /** Each manager's key accounts and alerts listed (the report says how many there are in all). */
    static final int MANAGER_ACCOUNTS = 1000;

    private final CommercialRiskReports risk;
    private final PortfolioResource portfolio;
    private final ChartData charts;
    private final SecurityIdentity identity;
    private final Clock clock;

    public DashboardPages(CommercialRiskReports risk, PortfolioResource portfolio, ChartData charts,
                          SecurityIdentity identity, Clock clock) {
        this.risk = risk;
        this.portfolio = portfolio;
        this.charts = charts;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    public Uni<TemplateInstance> portfolio(@QueryParam("asOf") String asOf, @QueryParam("by") String by) {
        Instant at = AsOf.parse(asOf, clock);
        CustomerBasis basis = basis(by);
        ViewState state = ViewState.of("/", asOf, "by", by);
        // Both reports read every account's summary at asOf; one after the other, the second finds them kept (asked at
        // once they would share its computation, SummariesInFlight, and finish no sooner).
        return risk.dependencyRisk(at, basis, false).chain(dependency -> portfolio.portfolio(at.toString(), null, null,
                null, 1, null, null, "summary").map(health -> {
                    var report = dependency.report();
                    Map<String, Integer> bands = health.bands();
                    Charts c = new Charts(Map.of("pareto", charts.paretoChart(report), "bands", charts.bands(bands),
                            "risk", charts.revenueAtRisk(report)));
                    return Templates.portfolio(frame("Portfolio", "portfolio", state, at), report, bands,
                            health.accounts(), Freshness.of(dependency.readModel(), health.readModel()), c);
                }));
    }

    @GET
    @Path("what-if")
    public Uni<TemplateInstance> whatIf(@QueryParam("asOf") String asOf, @QueryParam("leaving") String leaving,
                                        @QueryParam("by") String by) {
        Instant at = AsOf.parse(asOf, clock);
        CustomerBasis basis = basis(by);
        String chosen = leaving == null || leaving.isBlank() ? null : requireId("leaving", leaving.strip());
        ViewState state = ViewState.of("/what-if", asOf, "leaving", chosen, "by", by);
        Frame frame = frame("What if", "what-if", state, at);
        return risk.dependencyRisk(at, basis, false).chain(current -> {
            List<String> customers = current.report().customers().stream().limit(PICKER_CUSTOMERS)
                    .map(CustomerShare::customerId).toList();
            if (chosen == null) {
                return Uni.createFrom().item(Templates.whatIf(frame, customers, null, null, new Charts(Map.of())));
            }
            return risk.stressTest(at, basis, chosen, false)
                    .onFailure(UnknownCustomerException.class)
                    .transform(e -> new ProblemException(Problem.of(ProblemType.NOT_FOUND, e.getMessage())))
                    .map(test -> Templates.whatIf(frame, customers, chosen, test.report(), new Charts(Map.of(
                            "stress", charts.stressChart(test.report().before(), test.report().after())))));
        });
    }

    @GET
    @Path("margin-pressure")
    public Uni<TemplateInstance> marginPressure(@QueryParam("asOf") String asOf, @QueryParam("flag") String flag,
                                                @QueryParam("keyAccountsOnly") String keyAccountsOnly,
                                                @QueryParam("minScore") String minScore) {
        Instant at = AsOf.parse(asOf, clock);
        PressureFlag pressureFlag = flag == null || flag.isBlank() ? null : oneOf("flag", flag, PressureFlag.class);
        boolean keyOnly = "true".equals(keyAccountsOnly);
        Integer min = minScore == null || minScore.isBlank() ? null : score(minScore);
        ViewState state = ViewState.of("/margin-pressure", asOf, "flag", pressureFlag == null ? null : pressureFlag.name(),
                "keyAccountsOnly", keyOnly ? "true" : null, "minScore", min == null ? null : min.toString());
        return risk.marginPressure(at, new MarginPressureFilter(keyOnly, min, pressureFlag), false)
                .map(a -> Templates.marginPressure(frame("Margin pressure", "margin-pressure", state, at), a.report(),
                        pressureFlag == null ? "" : pressureFlag.name(), keyOnly, min == null ? "" : min.toString()));
    }

    @GET
    @Path("neglected-potential")
    public Uni<TemplateInstance> neglectedPotential(@QueryParam("asOf") String asOf) {
        Instant at = AsOf.parse(asOf, clock);
        ViewState state = ViewState.of("/neglected-potential", asOf);
        return risk.neglectedPotential(at, false).map(a -> Templates.neglectedPotential(
                frame("Neglected potential", "neglected-potential", state, at), a.report()));
    }

    @GET
    @Path("managers")
    public Uni<TemplateInstance> managers(@QueryParam("asOf") String asOf, @QueryParam("manager") String manager,
                                          @QueryParam("band") String band, @QueryParam("stage") String stage) {
        Instant at = AsOf.parse(asOf, clock);
        String chosen = manager == null || manager.isBlank() ? null : requireId("manager", manager.strip());
        ManagerFilter filter = ManagerFilter.parse(band, stage);
        ViewState state = ViewState.of("/managers", asOf, "manager", chosen, "band", filter.band(), "stage", filter.stage());
        return portfolio.managers(at.toString(), chosen, MANAGER_ACCOUNTS, null, null, null).map(report ->
                Templates.managers(frame("Managers", "managers", state, at), filter.apply(report.managers()),
                        chosen == null ? "" : chosen, filter));
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return DashboardErrors.problem(e);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return DashboardErrors.forbidden();
    }

    private Frame frame(String title, String nav, ViewState state, Instant at) {
        return Frame.of(title, nav, state, at, identity.getPrincipal().getName());
    }

    static CustomerBasis basis(String by) {
        if (by == null || by.isBlank()) {
            return CustomerBasis.GROUP;
        }
        return CustomerBasis.parse(by).orElseThrow(() -> invalid("by", "must be 'account' or 'group'"));
    }

    /** The API's id rule, one place. */
    static String requireId(String field, String value) {
        return IdParameter.require(field, value, "");
    }

    private static Integer score(String value) {
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= 0 && parsed <= 100) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid("minScore", "must be a whole number from 0 to 100");
    }

    private static <E extends Enum<E>> E oneOf(String field, String value, Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(value)).findFirst()
                .orElseThrow(() -> invalid(field, "must be one of " + Arrays.toString(type.getEnumConstants())));
    }

    static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.invalid(List.of(new Violation(field, message))));
    }
}
