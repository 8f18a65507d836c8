package io.kamplatform.reporting.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.kamplatform.local.Roles;
import io.kamplatform.reporting.support.DashboardSignIn;
import io.kamplatform.reporting.support.Fixtures;
import io.kamplatform.reporting.support.Publisher;
import io.kamplatform.reporting.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every page renders as HTML for a kam-reader, shows the API's figures at the same asOf (one report code, two
 * views), carries asOf in its links, keeps scripts out of the page (CSP), and answers bad input as a page.
 */
@QuarkusTest
class DashboardPagesTest {

    static final Instant NOW = Instant.now();
    static final String KEY_ACCOUNT = Publisher.newAccountId();
    static final String SMALL = Publisher.newAccountId();
    static final String YESTERDAY = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
    static boolean published;
    static String session;

    @BeforeEach
    void publishAndSignIn() {
        if (published) {
            return;
        }
        published = true;
        try (Publisher p = new Publisher()) {
            p.publish(KEY_ACCOUNT, "AccountRegistered", ago(400), Fixtures.registered("Dashboard Partner AG"));
            p.publish(KEY_ACCOUNT, "KeyAccountDesignated", ago(390), Fixtures.designated());
            p.publish(KEY_ACCOUNT, "KeyAccountManagerAssigned", ago(390), Fixtures.manager("kam-dash", "Dana Board"));
            p.publish(KEY_ACCOUNT, "ContactAdded", ago(370), Fixtures.contact("c-ceo", "\"DECIDER\",\"SPONSOR\"", "EXECUTIVE"));
            p.publish(KEY_ACCOUNT, "InteractionRecorded", ago(20), Fixtures.interaction("i-1", "MEETING", "\"c-ceo\"", "SALES", true));
            // Who left: a buyer gone 30 days ago.
            p.publish(KEY_ACCOUNT, "ContactAdded", ago(370), Fixtures.contact("c-buyer", "\"BUYER\",\"USER\"", "OPERATIONAL"));
            p.publish(KEY_ACCOUNT, "ContactLeft", ago(30), Fixtures.contactLeft("c-buyer"));
            // A contract renewed at a deeper discount, one concession before the 12-month window and one in it.
            p.publish(KEY_ACCOUNT, "ContractSigned", ago(420), Fixtures.contractSigned("K-DASH", day(-420), day(300), false));
            p.publish(Fixtures.CONTRACTS, "evt-con-old-" + KEY_ACCOUNT, KEY_ACCOUNT, "ConcessionGranted", ago(410), concession("K-DASH", "CON-OLD", "REBATE", "12000.00"));
            p.publish(KEY_ACCOUNT, "ContractRenewed", ago(90), Fixtures.contractRenewed("K-DASH", day(1000)));
            p.publish(Fixtures.CONTRACTS, "evt-con-new-" + KEY_ACCOUNT, KEY_ACCOUNT, "ConcessionGranted", ago(60), concession("K-DASH", "CON-NEW", "FREE_SERVICE", "4500.50"));
            p.publish(SMALL, "AccountRegistered", ago(400), Fixtures.registered("Small Customer GmbH"));
            YearMonth month = YearMonth.from(NOW.atZone(ZoneOffset.UTC));
            for (int m = 1; m <= 12; m++) {
                String at = month.minusMonths(m).plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusSeconds(3600).toString();
                p.publish(KEY_ACCOUNT, "RevenueRecognized", at, Fixtures.revenue(month.minusMonths(m).toString(), "90000.00", "60000.00"));
                p.publish(SMALL, "RevenueRecognized", at, Fixtures.revenue(month.minusMonths(m).toString(), "1000.00", "700.00"));
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.reader())
                .queryParam("limit", 500).when().get("/api/reports/accounts/{id}/timeline", SMALL)
                .then().extract().jsonPath().getList("events").size() >= 13);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.reader())
                .queryParam("limit", 500).when().get("/api/reports/accounts/{id}/timeline", KEY_ACCOUNT)
                .then().extract().jsonPath().getList("events").size() >= 23);
        session = DashboardSignIn.session(Roles.KAM_READER);
    }

    @Test
    void thePortfolioPageShowsTheDependencyFiguresOfTheApi() {
        JsonPath api = api("/api/reports/portfolio/dependency-risk?view=summary&asOf=" + YESTERDAY);
        String html = page("/?asOf=" + YESTERDAY);
        for (String figure : new String[]{"totalRevenue", "hhi", "effectiveCustomers"}) {
            assertThat(new BigDecimal(kpi(html, figure))).as(figure).isEqualByComparingTo(api.getString(figure));
        }
        assertThat(kpi(html, "customerCount")).isEqualTo(api.getString("customerCount"));
        assertThat(kpi(html, "kamJustified")).isEqualTo(api.getString("kamJustified"));
        assertThat(html).contains("data-chart=").contains("id=\"pareto\"");
        JsonPath health = api("/api/reports/portfolio/health?view=summary&asOf=" + YESTERDAY);
        assertThat(kpi(html, "keyAccounts")).isEqualTo(health.getString("accounts"));
        assertThat(html).contains("data-band=\"RED\" data-count=\"" + health.getInt("bands.RED") + "\"");
        // Links keep asOf, so the view can be shared as it is.
        assertThat(html).contains("href=\"/margin-pressure?asOf=" + YESTERDAY + "\"");

        JsonPath byAccount = api("/api/reports/portfolio/dependency-risk?view=summary&by=account&asOf=" + YESTERDAY);
        assertThat(kpi(page("/?by=account&asOf=" + YESTERDAY), "customerCount")).isEqualTo(byAccount.getString("customerCount"));
    }

    @Test
    void everyPageRendersForAReader() {
        for (String path : new String[]{"/", "/what-if", "/what-if?leaving=" + KEY_ACCOUNT + "&by=account",
                "/margin-pressure", "/margin-pressure?flag=SQUEEZE&minScore=10&keyAccountsOnly=true",
                "/neglected-potential", "/managers", "/managers?manager=kam-dash", "/plans", "/health-models",
                "/health-models?candidate=kam-health-2&changed=true", "/accounts/" + KEY_ACCOUNT + "/plan", "/accounts/" + KEY_ACCOUNT,
                "/accounts/" + KEY_ACCOUNT + "?asOf=" + YESTERDAY + "&offset=5"}) {
            given().cookie("kam-session", session).when().get(path).then().statusCode(200)
                    .contentType(containsString("text/html"))
                    .header("Content-Security-Policy", containsString("default-src 'self'"))
                    .body(not(containsString("<script>"))).body(containsString("/_static/echarts/6.0.0/dist/echarts.min.js"));
        }
        given().when().get("/_static/echarts/6.0.0/dist/echarts.min.js").then().statusCode(200);
        given().when().get("/assets/dashboard.js").then().statusCode(200);
    }

    @Test
    void theAccountPageShowsTheHealthAndStageOfTheApi() {
        JsonPath health = api("/api/reports/accounts/" + KEY_ACCOUNT + "/health?asOf=" + YESTERDAY);
        JsonPath stage = api("/api/reports/accounts/" + KEY_ACCOUNT + "/stage?asOf=" + YESTERDAY);
        String html = page("/accounts/" + KEY_ACCOUNT + "?asOf=" + YESTERDAY);
        String band = health.getString("health.band") == null ? "NO_DATA" : health.getString("health.band");
        assertThat(html).contains("data-band=\"" + band + "\"").contains("data-stage=\"" + stage.getString("stage") + "\"");
        assertThat(html).contains("data-score=\"" + (health.get("health.score") == null ? "" : health.getString("health.score")) + "\"");
        for (String factor : health.<String>getList("health.factors.name")) {
            assertThat(html).contains("data-factor=\"" + factor + "\"");
        }
        assertThat(html).contains("data-role=\"SPONSOR\"").contains("data-role=\"DECIDER\"");
        // The sparkline has one point per month end (12).
        Matcher sparkline = Pattern.compile("id=\"sparkline\" data-chart=\"([^\"]*)\"").matcher(html);
        assertThat(sparkline.find()).isTrue();
        String option = sparkline.group(1).replace("&quot;", "\"");
        assertThat(JsonPath.from(option).getList("series[0].data")).hasSize(12);
    }

    @Test
    void theAccountPageListsWhoLeftTheDmu() {
        JsonPath dmu = api("/api/reports/accounts/" + KEY_ACCOUNT + "/dmu");
        assertThat(dmu.getList("formerContacts.contactId")).containsExactly("c-buyer");
        String html = page("/accounts/" + KEY_ACCOUNT);
        Matcher row = Pattern.compile("<tr data-former=\"c-buyer\" data-roles=\"BUYER USER\">(.*?)</tr>", Pattern.DOTALL).matcher(html);
        assertThat(row.find()).as("c-buyer under Who left").isTrue();
        assertThat(row.group(1)).contains("Contact c-buyer").contains("OPERATIONAL").contains(day(-30));
        assertThat(html).contains("data-role=\"BUYER\"");
        // Before the buyer left, nobody had.
        assertThat(page("/accounts/" + KEY_ACCOUNT + "?asOf=" + day(-31))).contains("Nobody has left the DMU.")
                .doesNotContain("data-former=");
    }

    @Test
    void theAccountPageListsEachConcessionBesideTheTotalWithTheContractsDiscountSteps() {
        JsonPath margin = api("/api/reports/accounts/" + KEY_ACCOUNT + "/margin-pressure");
        String html = page("/accounts/" + KEY_ACCOUNT);
        assertThat(html).contains("<div class=\"contract\" data-contract=\"K-DASH\">");
        assertThat(html).contains("data-concession=\"CON-OLD\" data-amount=\"12000.00\" data-in-total=\"false\"")
                .contains("data-concession=\"CON-NEW\" data-amount=\"4500.50\" data-in-total=\"true\"");
        // The listed concessions in the window add up to the report's total.
        assertThat(new BigDecimal(kpi(html, "concessions"))).isEqualByComparingTo("4500.50")
                .isEqualByComparingTo(margin.getString("concessions"));
        assertThat(margin.getList("discountChanges.contractId")).containsExactly("K-DASH");
        assertThat(html).contains("<td>RENEWED</td><td>" + day(-90) + "</td><td>10.0%</td><td>15.0%</td><td>5.00</td>");
    }

    @Test
    void theManagersPageFiltersByBandAndStageInTheUrl() {
        JsonPath health = api("/api/reports/portfolio/health?manager=kam-dash");
        String band = health.getString("entries[0].band") == null ? "NO_DATA" : health.getString("entries[0].band");
        String stage = health.getString("entries[0].stage");
        String other = band.equals("RED") ? "GREEN" : "RED";

        String html = page("/managers?band=" + band + "&stage=" + stage);
        assertThat(html).contains("data-account=\"" + KEY_ACCOUNT + "\"").contains("<option value=\"" + band + "\" selected>")
                .contains("<option value=\"" + stage + "\" selected>");
        assertThat(Pattern.compile("<tr data-account=\"[^\"]+\" data-band=\"(?!" + band + "\")").matcher(html).find())
                .as("only " + band + " rows").isFalse();
        // The page's links and the asOf form keep the filters; "Clear filters" drops them.
        assertThat(html).contains("<input type=\"hidden\" name=\"band\" value=\"" + band + "\">")
                .contains("href=\"/managers\">Clear filters");
        assertThat(page("/managers?manager=kam-dash&band=" + other + "&stage=" + stage))
                .doesNotContain("data-account=\"" + KEY_ACCOUNT + "\"").contains("No key account matches these filters.");
        given().cookie("kam-session", session).queryParam("band", "PURPLE").when().get("/managers").then().statusCode(400)
                .contentType(containsString("text/html")).body(containsString("band"));
        given().cookie("kam-session", session).queryParam("stage", "FRIENDS").when().get("/managers").then().statusCode(400)
                .body(containsString("stage"));
    }

    @Test
    void thePortfolioPageComputesEachAccountSummaryOncePerView() {
        // A point in time no other test asks for: every account's summary there is computed by this view.
        String fresh = day(-333);
        String html = page("/?asOf=" + fresh);
        Matcher freshness = Pattern.compile("data-accounts=\"(\\d+)\" data-computed-now=\"(\\d+)\"").matcher(html);
        assertThat(freshness.find()).isTrue();
        int accounts = Integer.parseInt(freshness.group(1));
        assertThat(accounts).isPositive();
        assertThat(Integer.parseInt(freshness.group(2))).as("summaries computed for the view").isEqualTo(accounts);
        Matcher again = Pattern.compile("data-computed-now=\"(\\d+)\"").matcher(page("/?asOf=" + fresh));
        assertThat(again.find()).isTrue();
        assertThat(again.group(1)).as("asked again: all kept").isEqualTo("0");
    }

    @Test
    void badInputAnswersAsAPage() {
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        given().cookie("kam-session", session).queryParam("asOf", tomorrow).when().get("/").then().statusCode(400)
                .contentType(containsString("text/html")).body(containsString("asOf"));
        given().cookie("kam-session", session).queryParam("minScore", "high").when().get("/margin-pressure")
                .then().statusCode(400).body(containsString("minScore"));
        given().cookie("kam-session", session).queryParam("by", "planet").when().get("/").then().statusCode(400)
                .contentType(containsString("text/html"));
        given().cookie("kam-session", session).when().get("/accounts/NO-SUCH-ACCOUNT-" + KEY_ACCOUNT).then().statusCode(404)
                .contentType(containsString("text/html"));
        given().cookie("kam-session", session).queryParam("leaving", "NOBODY-" + KEY_ACCOUNT).when().get("/what-if")
                .then().statusCode(404).contentType(containsString("text/html"));
        given().cookie("kam-session", session).when().get("/accounts/<script>").then().statusCode(400)
                .body(not(containsString("<script>")));
    }

    private static String page(String path) {
        return given().cookie("kam-session", session).when().get(path).then().statusCode(200).extract().asString();
    }

    private static JsonPath api(String path) {
        return given().auth().oauth2(Tokens.reader()).when().get(path).then().statusCode(200).extract().jsonPath();
    }

    private static String kpi(String html, String name) {
        Matcher m = Pattern.compile("data-kpi=\"" + name + "\" data-value=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("KPI %s on the page", name).isTrue();
        return m.group(1);
    }

    static String concession(String contractId, String concessionId, String kind, String amount) {
        return "{\"contractId\":\"" + contractId + "\",\"concessionId\":\"" + concessionId + "\",\"kind\":\"" + kind
                + "\",\"value\":{\"amount\":\"" + amount + "\",\"currency\":\"EUR\"},\"note\":\"asked at the review\"}";
    }

    /** YYYY-MM-DD, days from today (UTC). */
    static String day(long days) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(days).toString();
    }

    static String ago(long days) {
        return NOW.minus(Duration.ofDays(days)).toString();
    }
}
