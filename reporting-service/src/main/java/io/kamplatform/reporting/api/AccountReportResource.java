package io.kamplatform.reporting.api;

import io.kamplatform.kit.api.Roles;
import io.kamplatform.kit.problem.Problem;
import io.kamplatform.kit.problem.ProblemException;
import io.kamplatform.kit.problem.ProblemType;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.kamplatform.reporting.application.AccountAssessment;
import io.kamplatform.reporting.domain.completeness.AccountCompleteness;
import io.kamplatform.reporting.application.CommercialRiskReports;
import io.kamplatform.reporting.application.CurrentHealthReports;
import io.kamplatform.reporting.application.HealthModels;
import io.kamplatform.reporting.application.KamReports;
import io.kamplatform.reporting.application.PlanReports;
import io.kamplatform.reporting.domain.plan.PlanAssessment;
import io.kamplatform.reporting.domain.health.HealthModel;
import io.kamplatform.reporting.domain.dmu.DmuMap;
import io.kamplatform.reporting.domain.health.HealthTrend;
import io.kamplatform.reporting.domain.health.HealthWindows;
import io.kamplatform.reporting.domain.health.KamHealth;
import io.kamplatform.reporting.domain.margin.MarginPressure;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.BiFunction;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** KAM health, relationship stage and DMU map of one account, as of any past point in time. */
@Path("/api/reports/accounts/{accountId}")
@Tag(name = "Account reports", description = "KAM health, stage, DMU map, timeline and margin pressure of one account, as of any past point in time")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "400", description = "Invalid parameter, e.g. an asOf after today", content = @Content(mediaType = "application/problem+json"))
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = "application/problem+json"))
@APIResponse(responseCode = "403", description = "Role kam-reader required", content = @Content(mediaType = "application/problem+json"))
@Produces(MediaType.APPLICATION_JSON)
public class AccountReportResource {

    // Every account report carries dataComplete and missingEvents (AccountCompleteness, unwrapped): whether every
    // event the producers committed about the account has arrived, and if not, which versions of which streams.

    /** Health with its factors, inputs and events, and the trend against 30 and 90 days before. */
    public record HealthReport(String accountId, Instant asOf, KamHealth health, HealthTrend trend,
                               HealthWindows windows, @JsonUnwrapped AccountCompleteness completeness) {
    }

    /**
     * The same report, read as stored with the account's current summary ({@link CurrentHealthReports}): health and
     * trend are the JSON the fold wrote, passed through; the body has the shape of {@link HealthReport}.
     */
    public record StoredHealthReport(String accountId, Instant asOf, @JsonRawValue String health,
                                     @JsonRawValue String trend, HealthWindows windows,
                                     @JsonUnwrapped AccountCompleteness completeness) {
    }

    /** The McDonald relationship stage with the reasons for it. */
    public record StageReport(String accountId, Instant asOf, String stage, List<String> reasons,
                              HealthWindows windows, @JsonUnwrapped AccountCompleteness completeness) {
    }

    /** The DMU map. */
    public record DmuReport(@JsonUnwrapped DmuMap dmu, @JsonUnwrapped AccountCompleteness completeness) {
    }

    /** The account's margin pressure. */
    public record MarginPressureReport(@JsonUnwrapped MarginPressure marginPressure,
                                       @JsonUnwrapped AccountCompleteness completeness) {
    }

    /** The plan current at asOf (null: none), the account's plans known by then, and completeness. */
    public record AccountPlanReport(String accountId, Instant asOf, PlanAssessment current,
                                    List<PlanReports.PlanPeriod> plans,
                                    @JsonUnwrapped AccountCompleteness completeness) {
    }

    private final KamReports reports;
    private final CommercialRiskReports risk;
    private final HealthModels models;
    private final PlanReports plans;
    private final CurrentHealthReports current;
    private final Clock clock;

    public AccountReportResource(KamReports reports, CommercialRiskReports risk, HealthModels models, PlanReports plans,
                                 CurrentHealthReports current, Clock clock) {
        this.reports = reports;
        this.current = current;
        this.risk = risk;
        this.models = models;
        this.plans = plans;
        this.clock = clock;
    }

    @GET
    @Path("/health")
    @RolesAllowed({Roles.KAM_READER, Roles.KAM_ADMIN})
    @Operation(summary = "KAM health of an account", description = "0-100 score and band from the factors with data "
            + "(each with its inputs and the events behind it), data coverage, stale factors, the critical-complaint "
            + "override, trend vs 30 and 90 days before asOf, top drivers in words, the model version, and the windows the "
            + "factors looked at (90 and 365 days to asOf; the months complete at asOf). Like every "
            + "account report: dataComplete, and missingEvents (versions of producer streams not received) when false. "
            + "Now (no asOf, today, or within 5 s of now; default model; no asKnownAt) is answered from the account's "
            + "current assessment when no event arrived for it since and it is at most current-max-age (15 min) old: "
            + "asOf then says the instant it was assessed at, and health and trend are the fold at that instant.")
    @APIResponseSchema(value = HealthReport.class, responseCode = "200", responseDescription = "The report as of asOf")
    public Uni<Object> health(@PathParam("accountId") String accountId,
                              @Parameter(description = AsOf.DESCRIPTION) @QueryParam("asOf") String asOf,
            @Parameter(description = AsKnownAt.DESCRIPTION) @QueryParam("asKnownAt") String asKnownAt,
                              @Parameter(description = ModelParameter.DESCRIPTION) @QueryParam("model") String model) {
        IdParameter.accountId(accountId);
        AsKnownAt when = AsKnownAt.parse(asOf, asKnownAt, clock);
        HealthModel healthModel = ModelParameter.parse("model", model, models);
        if (when.past() || !healthModel.equals(models.defaultModel()) || !current.isNow(when.asOf())) {
            return assessed(accountId, when, healthModel, (a, complete) -> healthReport(accountId, a, complete))
                    .map(Object.class::cast);
        }
        return current.now(accountId).chain(lookup -> lookup.stored().isEmpty() ? foldedNow(accountId, lookup)
                : reports.completenessOf(accountId).map(complete -> new StoredHealthReport(accountId,
                        lookup.stored().get().asOf(), lookup.stored().get().health(), lookup.stored().get().trend(),
                        HealthWindows.of(lookup.stored().get().asOf()), complete)));
    }

    /**
     * The health report for now when the stored one does not hold: folded at this instant (to the microsecond, as the
     * read models store instants), and the fold kept as the account's current summary.
     */
    private Uni<Object> foldedNow(String accountId, CurrentHealthReports.Lookup lookup) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return assessed(accountId, new AsKnownAt(at, null), models.defaultModel(), (a, complete) -> {
            current.keep(accountId, lookup, a, at);
            return healthReport(accountId, a, complete);
        });
    }

    private static Object healthReport(String accountId, AccountAssessment a, AccountCompleteness complete) {
        return new HealthReport(accountId, a.health().asOf(), a.health(), a.trend(), HealthWindows.of(a.health().asOf()),
                complete);
    }

    @GET
    @Path("/stage")
    @RolesAllowed({Roles.KAM_READER, Roles.KAM_ADMIN})
    @Operation(summary = "Relationship stage of an account", description = "EXPLORATORY, BASIC, COOPERATIVE, "
            + "INTERDEPENDENT, INTEGRATED or DISINTEGRATING, with the reasons.")
    @APIResponseSchema(value = StageReport.class, responseCode = "200", responseDescription = "The report as of asOf")
    public Uni<StageReport> stage(@PathParam("accountId") String accountId, @Parameter(description = AsOf.DESCRIPTION) @QueryParam("asOf") String asOf,
            @Parameter(description = AsKnownAt.DESCRIPTION) @QueryParam("asKnownAt") String asKnownAt,
                                  @Parameter(description = ModelParameter.DESCRIPTION) @QueryParam("model") String model) {
        return assessed(accountId, asOf, asKnownAt, model, (a, complete) -> new StageReport(accountId, a.health().asOf(),
                a.stage().stage().name(), a.stage().reasons(), HealthWindows.of(a.health().asOf()), complete));
    }

    @GET
    @Path("/dmu")
    @RolesAllowed({Roles.KAM_READER, Roles.KAM_ADMIN})
    @Operation(summary = "DMU map of an account", description = "Each buying role with its active contacts, their level "
            + "and last two-way contact; the roles nobody covers.")
    @APIResponseSchema(value = DmuReport.class, responseCode = "200", responseDescription = "The report as of asOf")
    public Uni<DmuReport> dmu(@PathParam("accountId") String accountId, @Parameter(description = AsOf.DESCRIPTION) @QueryParam("asOf") String asOf,
            @Parameter(description = AsKnownAt.DESCRIPTION) @QueryParam("asKnownAt") String asKnownAt) {
        return assessed(accountId, asOf, asKnownAt, null, (a, complete) -> new DmuReport(a.dmu(), complete));
    }

    @GET
    @Path("/margin-pressure")
    @RolesAllowed({Roles.KAM_READER, Roles.KAM_ADMIN})
    @Operation(summary = "Margin pressure of an account", description = "Price realisation (above 100% for prices "
            + "above list, never clamped; averageDiscountPct and step discounts are then negative = a premium), discount "
            + "change at each renewal (changePp > 0: the price fell relative to list), gross margin % vs the portfolio "
            + "median and its slope over the 4 quarters complete at asOf, concessions % of revenue, service intensity vs "
            + "the baseline (the portfolio median, or the mean over accounts with revenue when the median is 0), squeeze "
            + "and status-abuse flags (abuse needs the price left below list), pressure score with its drivers, and the "
            + "12-month window.")
    @APIResponseSchema(value = MarginPressureReport.class, responseCode = "200", responseDescription = "The report as of asOf")
    public Uni<MarginPressureReport> accountMarginPressure(@PathParam("accountId") String accountId, @Parameter(description = AsOf.DESCRIPTION) @QueryParam("asOf") String asOf,
            @Parameter(description = AsKnownAt.DESCRIPTION) @QueryParam("asKnownAt") String asKnownAt) {
        IdParameter.accountId(accountId);
        AsKnownAt when = AsKnownAt.parse(asOf, asKnownAt, clock);
        Instant at = when.asOf();
        return risk.accountMarginPressure(accountId, at, when.knownAt())
                .map(found -> found.orElseThrow(() -> notFound(accountId, at)))
                .chain(pressure -> reports.completenessOf(accountId).map(complete -> new MarginPressureReport(pressure, complete)));
    }

    @GET
    @Path("/plan")
    @RolesAllowed({Roles.KAM_READER, Roles.KAM_ADMIN})
    @Operation(summary = "Account plan", description = "The plan current at asOf (its period holds asOf's day): mission, "
            + "targets, sponsor, each objective with its status (ON_TRACK, AT_RISK, OVERDUE, ACHIEVED, MISSED, DROPPED), "
            + "overdue actions, revenue in the plan period against the target (in full and pro rata), days since the "
            + "last review and whether one is due (90 days); current is null without a plan. 404 when nothing about "
            + "the account had happened by asOf.")
    @APIResponseSchema(value = AccountPlanReport.class, responseCode = "200", responseDescription = "The plan as of asOf")
    public Uni<AccountPlanReport> plan(@PathParam("accountId") String accountId,
                                       @Parameter(description = AsOf.DESCRIPTION) @QueryParam("asOf") String asOf,
            @Parameter(description = AsKnownAt.DESCRIPTION) @QueryParam("asKnownAt") String asKnownAt) {
        IdParameter.accountId(accountId);
        AsKnownAt when = AsKnownAt.parse(asOf, asKnownAt, clock);
        Instant at = when.asOf();
        return plans.account(accountId, at, when.knownAt())
                .map(found -> found.orElseThrow(() -> notFound(accountId, at)))
                .chain(p -> reports.completenessOf(accountId).map(complete ->
                        new AccountPlanReport(accountId, at, p.current(), p.plans(), complete)));
    }

    private <T> Uni<T> assessed(String accountId, String asOf, String asKnownAt, String model,
                                BiFunction<AccountAssessment, AccountCompleteness, T> view) {
        IdParameter.accountId(accountId);
        return assessed(accountId, AsKnownAt.parse(asOf, asKnownAt, clock), ModelParameter.parse("model", model, models),
                view);
    }

    /** The account folded as of {@code when} under {@code healthModel}, seen through {@code view}; 404 without facts. */
    private <T> Uni<T> assessed(String accountId, AsKnownAt when, HealthModel healthModel,
                                BiFunction<AccountAssessment, AccountCompleteness, T> view) {
        Instant at = when.asOf();
        return reports.account(accountId, at, healthModel, when.knownAt()).map(found -> found.orElseThrow(() -> notFound(accountId, at)))
                .chain(assessment -> reports.completenessOf(accountId).map(complete -> view.apply(assessment, complete)));
    }

    private static ProblemException notFound(String accountId, Instant at) {
        return new ProblemException(Problem.of(ProblemType.NOT_FOUND,
                "nothing is known about account '" + accountId + "' as of " + at));
    }
}
