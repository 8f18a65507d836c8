package io.kamplatform.reporting.dashboard;

import io.kamplatform.reporting.api.HealthModelsResource;
import io.kamplatform.reporting.api.PlanResource;
import io.kamplatform.reporting.api.Timeline;
import io.kamplatform.reporting.application.AccountAssessment;
import io.kamplatform.reporting.application.PlanReports;
import io.kamplatform.reporting.domain.dependency.DependencyRisk;
import io.kamplatform.reporting.domain.dependency.DependencyStressTest;
import io.kamplatform.reporting.domain.margin.MarginPressure;
import io.kamplatform.reporting.domain.margin.MarginPressureRanking;
import io.kamplatform.reporting.domain.plan.PlanAssessment;
import io.kamplatform.reporting.domain.potential.NeglectedPotential;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;
import java.util.Map;

/** The dashboard's pages (templates/*.html), type-checked at build time. */
@CheckedTemplate
public class Templates {

    public static native TemplateInstance portfolio(Frame frame, DependencyRisk risk, Map<String, Integer> bands,
                                                    int keyAccounts, Freshness freshness, Charts charts);

    public static native TemplateInstance whatIf(Frame frame, List<String> customers, String leaving,
                                                 DependencyStressTest test, Charts charts);

    public static native TemplateInstance marginPressure(Frame frame, MarginPressureRanking ranking, String flag,
                                                         boolean keyAccountsOnly, String minScore);

    public static native TemplateInstance neglectedPotential(Frame frame, NeglectedPotential report);

    public static native TemplateInstance managers(Frame frame, List<ManagerFilter.ManagerView> managers,
                                                   String manager, ManagerFilter filter);

    public static native TemplateInstance account(Frame frame, AccountAssessment a, PlanAssessment plan, List<DmuRow> dmu,
                                                  MarginPressure margin, List<ContractHistory> contracts,
                                                  Timeline timeline, int offset, Charts charts);

    public static native TemplateInstance accountPlan(Frame frame, String accountId, PlanAssessment plan,
                                                      List<PlanReports.PlanPeriod> plans);

    public static native TemplateInstance plans(Frame frame, PlanResource.PlanCoverageReport coverage,
                                                Freshness freshness);

    public static native TemplateInstance healthModels(Frame frame, HealthModelsPage.Choice choice,
                                                       HealthModelsResource.HealthComparison comparison);

    public static native TemplateInstance signIn(String message, boolean localSignIn);

    public static native TemplateInstance error(int status, String title, String detail);
}
