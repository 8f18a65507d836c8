package io.kamplatform.reporting.api;

import io.kamplatform.kit.api.Roles;
import io.kamplatform.kit.problem.Problem;
import io.kamplatform.kit.problem.ProblemException;
import io.kamplatform.kit.problem.Violation;
import io.kamplatform.reporting.application.EventLoopGuard;
import io.kamplatform.reporting.application.HealthModelComparison;
import io.kamplatform.reporting.application.HealthModels;
import io.kamplatform.reporting.domain.health.HealthFactor;
import io.kamplatform.reporting.domain.health.HealthModel;
import io.kamplatform.reporting.domain.health.ModelComparison;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The health models in use and how a candidate model would have judged the key accounts at any date. */
@Path("/api/reports")
@Tag(name = "Health models", description = "The configured KAM health models, and two of them side by side")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "400", description = "Invalid parameter, e.g. an unknown model", content = @Content(mediaType = "application/problem+json"))
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = "application/problem+json"))
@APIResponse(responseCode = "403", description = "Role kam-reader required", content = @Content(mediaType = "application/problem+json"))
@Produces(MediaType.APPLICATION_JSON)
public class HealthModelsResource {

    /** One factor of a model and its weight. */
    public record ModelFactor(String key, String label, int weight) {
    }

    /** A model as configured. */
    public record ModelDescription(String version, boolean defaultModel, List<ModelFactor> factors, int greenFrom,
                                   int redUpTo, int expectedInteractionsPer90Days, int staleAfterDays,
                                   int criticalComplaintHours, int minCoveragePct) {

        static ModelDescription of(HealthModel m, HealthModel defaultModel) {
            return new ModelDescription(m.version(), m.equals(defaultModel),
                    m.factors().stream().map(f -> new ModelFactor(f.key(), f.label(), m.weight(f))).toList(),
                    m.greenFrom(), m.redUpTo(), m.expectedInteractionsPer90Days(), m.staleAfterDays(),
                    m.criticalComplaintHours(), m.minCoveragePct());
        }
    }

    public record Models(List<ModelDescription> models, List<String> factorsAvailable) {
    }

    /** One key account under both models. */
    public record ComparedAccount(String accountId, String name, ModelComparison.Side base,
                                  ModelComparison.Side candidate,
                                  @Schema(description = "NONE (same band, or no band in either), BETTER, WORSE, "
                                          + "LOST_BAND (the candidate gives none: too little data), GAINED_BAND")
                                  ModelComparison.Change change,
                                  @Schema(description = "candidate score − base score; null when either has none")
                                  Integer scoreDelta,
                                  @Schema(description = "the factor whose points (wᵢsᵢ / Σ wⱼ over factors with data) "
                                          + "moved most") ModelComparison.FactorShift movedBy) {

        static ComparedAccount of(ModelComparison c, String name) {
            return new ComparedAccount(c.accountId(), name, c.base(), c.candidate(), c.change(), c.scoreDelta(),
                    c.movedBy());
        }
    }

    public record HealthComparison(Instant asOf, ModelDescription base, ModelDescription candidate,
                                   ModelComparison.Summary summary, List<ComparedAccount> accounts, Page page) {
    }

    static final List<String> COMPARE_SORTS = ListQuery.sorts("change", "accountId");

    private final HealthModels models;
    private final HealthModelComparison comparison;
    private final Clock clock;

    public HealthModelsResource(HealthModels models, HealthModelComparison comparison, Clock clock) {
        this.models = models;
        this.comparison = comparison;
        this.clock = clock;
    }

    @GET
    @Path("/models")
    @RolesAllowed({Roles.KAM_READER, Roles.KAM_ADMIN})
    @Operation(summary = "Health models", description = "Every configured health model with its factors, weights and "
            + "thresholds; defaultModel marks the one reports use without ?model=.")
    @APIResponseSchema(value = Models.class, responseCode = "200", responseDescription = "The configured models")
    public Models models() {
        return new Models(models.all().stream().map(m -> ModelDescription.of(m, models.defaultModel())).toList(),
                java.util.Arrays.stream(HealthFactor.values()).map(HealthFactor::key).toList());
    }

    @GET
    @Path("/portfolio/health/compare")
    @RolesAllowed({Roles.KAM_READER, Roles.KAM_ADMIN})
    @Operation(summary = "Health models side by side", description = "Every key account at asOf under the base and the "
            + "candidate model: both scores and bands, the band change and the factor that moved the score most, with a "
            + "summary of how many accounts change band and in which direction. Folded from history, so any past date "
            + "shows how it would have looked under the candidate. Sorted band changes first (worse, lost band, better, "
            + "gained band), then by the size of the score change; changed=true keeps only band changes.")
    @APIResponseSchema(value = HealthComparison.class, responseCode = "200", responseDescription = "The comparison as of asOf")
    public Uni<HealthComparison> compare(@Parameter(description = "The model to compare from (default: the default model)")
                                         @QueryParam("base") String base,
                                         @Parameter(description = "The model to compare with (required)")
                                         @QueryParam("candidate") String candidate,
                                         @Parameter(description = AsOf.DESCRIPTION) @QueryParam("asOf") String asOf,
            @Parameter(description = AsKnownAt.DESCRIPTION) @QueryParam("asKnownAt") String asKnownAt,
                                         @Parameter(description = "true: only accounts whose band changes")
                                         @QueryParam("changed") Boolean changed,
                                         @Parameter(description = ListQuery.LIMIT) @QueryParam("limit") Integer limit,
                                         @Parameter(description = ListQuery.OFFSET) @QueryParam("offset") Integer offset,
                                         @Parameter(description = "change (default) or accountId") @QueryParam("sort") String sort,
                                         @Parameter(description = ListQuery.VIEW) @QueryParam("view") String view) {
        AsKnownAt when = AsKnownAt.parse(asOf, asKnownAt, clock);
        Instant at = when.asOf();
        ListQuery list = ListQuery.parse(limit, offset, sort, COMPARE_SORTS, view, null);
        HealthModel from = ModelParameter.parse("base", base, models);
        if (candidate == null) {
            throw new ProblemException(Problem.invalid(List.of(new Violation("candidate", "required: the model to compare with; known: "
                            + models.all().stream().map(HealthModel::version).toList()))));
        }
        HealthModel to = ModelParameter.parse("candidate", candidate, models);
        return EventLoopGuard.offLoop(comparison.compare(at, when.knownAt(), from, to)).map(compared -> {
            List<ModelComparison> all = "accountId".equals(list.sort()) ? compared.accounts()
                    : ModelComparison.ranked(compared.accounts());
            List<ModelComparison> shown = Boolean.TRUE.equals(changed)
                    ? all.stream().filter(c -> c.change() != ModelComparison.Change.NONE).toList() : all;
            List<ComparedAccount> page = list.page(shown).stream()
                    .map(c -> ComparedAccount.of(c, compared.names().get(c.accountId()))).toList();
            return new HealthComparison(at, ModelDescription.of(from, models.defaultModel()),
                    ModelDescription.of(to, models.defaultModel()), ModelComparison.Summary.of(compared.accounts()),
                    page, list.pageOf(shown.size()));
        });
    }
}
