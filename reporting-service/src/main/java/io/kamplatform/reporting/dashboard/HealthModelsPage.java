package io.kamplatform.reporting.dashboard;

import io.kamplatform.kit.api.Roles;
import io.kamplatform.kit.problem.ProblemException;
import io.kamplatform.reporting.api.AsOf;
import io.kamplatform.reporting.api.HealthModelsResource;
import io.kamplatform.reporting.api.HealthModelsResource.ModelDescription;
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
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The configured health models and two of them side by side, as {@code GET /api/reports/models} and
 * {@code GET /api/reports/portfolio/health/compare} answer (the page asks those resources): a GET form picks the base
 * and candidate models (and band changes only), the summary of band transitions, then every key account with both
 * scores and bands, the change and the factor that moved it, band changes first, {@value #PAGE} a page. Without a
 * candidate the page shows the models and the form only. An unknown model or date is the API's 400, as a page.
 */
@Path("/health-models")
@RolesAllowed({Roles.KAM_READER, Roles.KAM_ADMIN})
@Produces(MediaType.TEXT_HTML)
public class HealthModelsPage {

    /** Key accounts listed on a page of the comparison. */
    static final int PAGE = 100;

    private final HealthModelsResource models;
    private final SecurityIdentity identity;
    private final Clock clock;

    public HealthModelsPage(HealthModelsResource models, SecurityIdentity identity, Clock clock) {
        this.models = models;
        this.identity = identity;
        this.clock = clock;
    }

    /** What the form shows: the models to pick from and the choice in the URL (blank: none). */
    public record Choice(List<ModelDescription> models, String base, String candidate, boolean changed) {
    }

    @GET
    public Uni<TemplateInstance> compare(@QueryParam("asOf") String asOf, @QueryParam("base") String base,
                                         @QueryParam("candidate") String candidate,
                                         @QueryParam("changed") String changed, @QueryParam("offset") String offset) {
        Instant at = AsOf.parse(asOf, clock);
        String from = blankToNull(base);
        String to = blankToNull(candidate);
        boolean onlyChanged = "true".equals(changed);
        int skip = AccountPage.offset(offset);
        ViewState state = ViewState.of("/health-models", asOf, "base", from, "candidate", to,
                "changed", onlyChanged ? "true" : null, "offset", skip == 0 ? null : String.valueOf(skip));
        Frame frame = Frame.of("Health models", "health-models", state, at, identity.getPrincipal().getName());
        List<ModelDescription> all = models.models().models();
        String defaultModel = all.stream().filter(ModelDescription::defaultModel).map(ModelDescription::version)
                .findFirst().orElse("");
        Choice choice = new Choice(all, from == null ? defaultModel : from, to == null ? "" : to, onlyChanged);
        if (to == null) {
            List<String> known = all.stream().map(ModelDescription::version).toList();
            if (from != null && !known.contains(from)) {
                // The API checks the base when it compares; before a candidate is picked the page says it at once.
                throw DashboardPages.invalid("base", "unknown health model; known: " + known);
            }
            return Uni.createFrom().item(Templates.healthModels(frame, choice, null));
        }
        return models.compare(from, to, at.toString(), null, onlyChanged, PAGE, skip, null, null)
                .map(comparison -> Templates.healthModels(frame, choice, comparison));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
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
