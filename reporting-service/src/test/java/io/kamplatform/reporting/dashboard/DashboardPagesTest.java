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
                "/neglected-potential", "/managers", "/managers?manager=kam-dash", "/accounts/" + KEY_ACCOUNT,
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

    static String ago(long days) {
        return NOW.minus(Duration.ofDays(days)).toString();
    }
}
