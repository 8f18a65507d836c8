package io.kamplatform.reporting.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.kamplatform.crmimport.posting.PlannedEvent;
import io.kamplatform.local.Roles;
import io.kamplatform.local.demo.DemoPortfolio;
import io.kamplatform.local.demo.DemoStories;
import io.kamplatform.reporting.support.DashboardSignIn;
import io.kamplatform.reporting.support.Fixtures;
import io.kamplatform.reporting.support.Publisher;
import io.kamplatform.reporting.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The account plan page, plan coverage and the health model comparison against the demo's plan stories, published
 * through Kafka as the writers publish them: HELIX-PHARMA's plan on track (reviewed a week ago, nothing overdue),
 * ALPINA-FOODS's missed objectives, overdue action and review due (130 days); beside them a key account without a plan.
 * Every figure is checked against the API's answer at the same asOf.
 */
@QuarkusTest
class DashboardPlanPagesTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    static final String HELIX = DemoStories.HEALTHY_PARTNERSHIP;
    static final String ALPINA = DemoStories.SPONSOR_LEFT;
    static final String UNPLANNED = Publisher.newAccountId();
    static final String ACCOUNT_SERVICE = "/kam-platform/account-service";
    static final String RELATIONSHIP_SERVICE = "/kam-platform/relationship-service";
    static boolean published;
    static String session;

    @BeforeEach
    void publishTheDemoPlansAndSignIn() {
        if (published) {
            return;
        }
        published = true;
        Map<String, Integer> counts = new HashMap<>();
        try (Publisher p = new Publisher()) {
            for (PlannedEvent e : DemoPortfolio.generate(DemoPortfolio.DEFAULT_SEED, TODAY)) {
                if (!e.accountId().equals(HELIX) && !e.accountId().equals(ALPINA)) {
                    continue;
                }
                boolean account = e.service() == PlannedEvent.Service.ACCOUNT;
                String topic = account ? Fixtures.ACCOUNTS : e.type().startsWith("Contract") || e.type().startsWith("Concession")
                        ? Fixtures.CONTRACTS : Fixtures.INTERACTIONS;
                p.publish(topic, account ? ACCOUNT_SERVICE : RELATIONSHIP_SERVICE, e.eventId(), e.accountId(), e.type(),
                        e.occurredAt().toString(), e.data().toString(), null, null);
                counts.merge(e.accountId(), 1, Integer::sum);
            }
            Instant now = Instant.now();
            p.publish(UNPLANNED, "AccountRegistered", now.minus(Duration.ofDays(400)).toString(), Fixtures.registered("No Plan Yet AG"));
            p.publish(UNPLANNED, "KeyAccountDesignated", now.minus(Duration.ofDays(390)).toString(), Fixtures.designated());
            p.publish(UNPLANNED, "KeyAccountManagerAssigned", now.minus(Duration.ofDays(390)).toString(),
                    Fixtures.manager("kam-noplan", "Nora Plan"));
            counts.put(UNPLANNED, 3);
        }
        assertThat(counts).containsKeys(HELIX, ALPINA);
        counts.forEach((id, count) -> await().atMost(Duration.ofSeconds(60)).until(() -> timelineSize(id) >= count));
        session = DashboardSignIn.session(Roles.KAM_READER);
    }

    @Test
    void helixPharmasPlanIsOnTrack() {
        JsonPath api = api("/api/reports/accounts/" + HELIX + "/plan");
        String html = page("/accounts/" + HELIX + "/plan");
        assertThat(html).contains("data-plan=\"HELIX-PLAN-1\"");
        assertThat(statuses(html)).as("the API's statuses, in its order").isEqualTo(api.getList("current.objectives.status"))
                .doesNotContain("MISSED", "OVERDUE", "AT_RISK").contains("ACHIEVED");
        assertThat(html).contains("No overdue action.").doesNotContain("data-overdue-action=");
        assertThat(kpi(html, "reviewDue")).isEqualTo("false");
        assertThat(kpi(html, "daysSinceReview")).isEqualTo("7").isEqualTo(api.getString("current.daysSinceReview"));
        for (String figure : new String[]{"revenueTarget:target", "revenueToDate:revenueToDate", "pctOfTarget:pctOfTarget",
                "pctOfProRata:pctOfProRata"}) {
            String[] names = figure.split(":");
            assertThat(new BigDecimal(kpi(html, names[0]))).as(names[0])
                    .isEqualByComparingTo(api.getString("current.revenue." + names[1]));
        }
        assertThat(html).contains("Quarterly business review with the executive sponsor");
        // The account page says where the plan stands and links to it.
        String account = page("/accounts/" + HELIX);
        assertThat(account).contains("data-plan=\"HELIX-PLAN-1\" data-review-due=\"false\" data-overdue-actions=\"0\"")
                .contains("href=\"/accounts/" + HELIX + "/plan\"");
    }

    @Test
    void alpinaFoodsMissedTwoObjectivesHasAnOverdueActionAndIsDueAReview() {
        JsonPath api = api("/api/reports/accounts/" + ALPINA + "/plan");
        String html = page("/accounts/" + ALPINA + "/plan");
        assertThat(statuses(html)).isEqualTo(api.getList("current.objectives.status"));
        assertThat(html).contains("<tr data-objective=\"O1\" data-status=\"MISSED\">")
                .contains("<tr data-objective=\"O2\" data-status=\"MISSED\">")
                .contains("<li data-status=\"MISSED\" data-count=\"2\">")
                .contains("A competitor won two lines in the spring tender");
        assertThat(api.getList("current.overdueActions.actionId")).containsExactly("A2");
        assertThat(html).contains("data-overdue-action=\"A2\"").contains("Renewal proposal to the new procurement head");
        assertThat(kpi(html, "reviewDue")).isEqualTo("true");
        assertThat(kpi(html, "daysSinceReview")).isEqualTo("130");
        assertThat(html).contains("review due");
        String account = page("/accounts/" + ALPINA);
        assertThat(account).contains("data-plan=\"ALPINA-PLAN-1\" data-review-due=\"true\" data-overdue-actions=\"1\"")
                .contains("2 MISSED");
        // Before the plan was published there was none, and the page says so.
        String before = page("/accounts/" + ALPINA + "/plan?asOf=" + TODAY.minusDays(280));
        assertThat(before).contains("id=\"no-plan\"").doesNotContain("data-objective=");
        assertThat(api("/api/reports/accounts/" + ALPINA + "/plan?asOf=" + TODAY.minusDays(280)).getString("current")).isNull();
    }

    @Test
    void anAccountWithoutAPlanSaysSo() {
        assertThat(page("/accounts/" + UNPLANNED + "/plan")).contains(UNPLANNED + " has no account plan whose period includes this date.")
                .doesNotContain("data-plan-period=").doesNotContain("data-objective=");
        assertThat(page("/accounts/" + UNPLANNED)).contains("No account plan is current on this date.");
        given().cookie("kam-session", session).when().get("/accounts/NOBODY-" + UNPLANNED + "/plan").then().statusCode(404)
                .contentType(containsString("text/html"));
    }

    @Test
    void planCoverageShowsTheApisLists() {
        String asOf = TODAY.toString();
        JsonPath api = api("/api/reports/portfolio/plans?limit=" + PlanCoveragePage.PAGE + "&asOf=" + asOf);
        String html = page("/plans?asOf=" + asOf);
        for (String figure : new String[]{"keyAccounts", "withCurrentPlan", "withoutPlanCount", "reviewDueCount"}) {
            assertThat(kpi(html, figure)).as(figure).isEqualTo(api.getString(figure));
        }
        assertThat(rows(html, "review-due")).isEqualTo(api.getList("reviewDue.accountId")).contains(ALPINA).doesNotContain(HELIX);
        assertThat(rows(html, "without-plan")).isEqualTo(api.getList("withoutPlan.accountId")).contains(UNPLANNED)
                .doesNotContain(HELIX, ALPINA);
        assertThat(html).contains("<tr data-account=\"" + ALPINA + "\" data-days-since-review=\"130\">");
        // ALPINA-FOODS's manager has its overdue action, as the API counts them.
        String manager = api.getString("overdueActionsByManager.find { it.accountIds.contains('" + ALPINA + "') }.managerId");
        int overdue = api.getInt("overdueActionsByManager.find { it.accountIds.contains('" + ALPINA + "') }.overdueActions");
        assertThat(overdue).isPositive();
        assertThat(html).contains("data-manager=\"" + manager + "\" data-overdue=\"" + overdue + "\"");
        assertThat(html).contains("aria-current=\"page\">Account plans</a>").contains("href=\"/accounts/" + ALPINA + "/plan?asOf=" + asOf + "\"");
        given().cookie("kam-session", session).queryParam("offset", "-3").when().get("/plans").then().statusCode(400)
                .contentType(containsString("text/html")).body(containsString("offset"));
    }

    @Test
    void theModelComparisonShowsTheApisTransitionsAndRows() {
        String asOf = TODAY.minusDays(1).toString();
        JsonPath api = api("/api/reports/portfolio/health/compare?base=kam-health-1&candidate=kam-health-2&limit="
                + HealthModelsPage.PAGE + "&asOf=" + asOf);
        String html = page("/health-models?base=kam-health-1&candidate=kam-health-2&asOf=" + asOf);
        for (String figure : new String[]{"accounts", "bandChanged", "better", "worse", "lostBand", "gainedBand"}) {
            assertThat(kpi(html, figure)).as(figure).isEqualTo(api.getString("summary." + figure));
        }
        assertThat(api.getInt("summary.accounts")).isGreaterThanOrEqualTo(3);
        Map<String, Integer> transitions = new HashMap<>();
        Matcher t = Pattern.compile("data-transition=\"([^\"]+)\" data-count=\"(\\d+)\"").matcher(html);
        while (t.find()) {
            transitions.put(t.group(1).replace("&gt;", ">"), Integer.parseInt(t.group(2)));
        }
        assertThat(transitions).as("the API's band transitions").isEqualTo(api.getMap("summary.transitions"));
        assertThat(rows(html, "compared")).isEqualTo(api.getList("accounts.accountId"));
        String alpina = "accounts.find { it.accountId == '" + ALPINA + "' }.";
        assertThat(api.getString(alpina + "change")).as("ALPINA-FOODS on the first page").isNotNull();
        assertThat(html).contains("data-account=\"" + ALPINA + "\" data-change=\"" + api.getString(alpina + "change")
                + "\" data-base-band=\"" + bandOrNoData(api.getString(alpina + "base.band")) + "\" data-candidate-band=\""
                + bandOrNoData(api.getString(alpina + "candidate.band")) + "\"");
        assertThat(html).contains("<option value=\"kam-health-2\" selected>");
        // Band changes only: the rows the API keeps with changed=true.
        JsonPath changed = api("/api/reports/portfolio/health/compare?candidate=kam-health-2&changed=true&limit="
                + HealthModelsPage.PAGE + "&asOf=" + asOf);
        assertThat(rows(page("/health-models?candidate=kam-health-2&changed=true&asOf=" + asOf), "compared"))
                .isEqualTo(changed.getList("accounts.accountId"));
    }

    @Test
    void theModelPageWithoutACandidateShowsTheModelsAndBadChoicesAnswerAsPages() {
        String html = page("/health-models");
        assertThat(html).contains("data-model=\"kam-health-1\"").contains("data-model=\"kam-health-2\"")
                .contains("id=\"pick-candidate\"").doesNotContain("id=\"compared\"");
        given().cookie("kam-session", session).queryParam("candidate", "kam-health-9").when().get("/health-models")
                .then().statusCode(400).contentType(containsString("text/html")).body(containsString("candidate"))
                .body(containsString("kam-health-2"));
        given().cookie("kam-session", session).queryParam("base", "<script>").when().get("/health-models")
                .then().statusCode(400).body(containsString("base")).body(not(containsString("<script>")));
        given().cookie("kam-session", session).queryParam("candidate", "kam-health-2").queryParam("asOf", "2026-02-30")
                .when().get("/health-models").then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("asOf"));
    }

    private static String bandOrNoData(String band) {
        return band == null ? "NO_DATA" : band;
    }

    /** The objectives' statuses in the order the page lists them. */
    private static List<String> statuses(String html) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("<tr data-objective=\"[^\"]+\" data-status=\"([A-Z_]+)\">").matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** The account ids of a table's rows, in order. */
    private static List<String> rows(String html, String tableId) {
        int start = html.indexOf("id=\"" + tableId + "\"");
        assertThat(start).as("table #%s", tableId).isPositive();
        String table = html.substring(start, html.indexOf("</table>", start));
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("<tr data-account=\"([^\"]+)\"").matcher(table);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static int timelineSize(String accountId) {
        int total = 0;
        Integer offset = 0;
        while (offset != null) {
            JsonPath page = given().auth().oauth2(Tokens.reader()).queryParam("limit", 500).queryParam("offset", offset)
                    .when().get("/api/reports/accounts/{id}/timeline", accountId).then().extract().jsonPath();
            List<Object> events = page.getList("events");
            total += events == null ? 0 : events.size();
            offset = page.get("nextOffset");
        }
        return total;
    }

    private static String page(String path) {
        return given().cookie("kam-session", session).when().get(path).then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
    }

    /** An API answer, decimals read exactly (as BigDecimal, not float). */
    private static JsonPath api(String path) {
        return given().auth().oauth2(Tokens.reader()).when().get(path).then().statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static String kpi(String html, String name) {
        Matcher m = Pattern.compile("data-kpi=\"" + name + "\" data-value=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("KPI %s on the page", name).isTrue();
        return m.group(1);
    }
}
