package io.kamplatform.reporting.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kamplatform.reporting.support.Fixtures;
import io.kamplatform.reporting.support.Publisher;
import io.kamplatform.reporting.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Portfolio lists are paged: small by default (summary + first page), pages that join up to the full list, a summary
 * view, sorts, evidence only on request, and a 400 naming the parameter for every bad value. Seven key accounts of one
 * manager (unique per run) in 2013, read as of 2013-12-31.
 */
@QuarkusTest
class PagedReportsTest {

    static final String AS_OF = "2013-12-31";
    static final String RUN = Publisher.newAccountId().substring(5);
    static final String MANAGER = "kam-page-" + RUN;
    static final int ACCOUNTS = 7;
    static boolean published;

    @BeforeEach
    void publishPortfolio() {
        if (published) {
            return;
        }
        published = true;
        try (Publisher p = new Publisher()) {
            for (int i = 0; i < ACCOUNTS; i++) {
                String id = account(i);
                p.publish(id, "AccountRegistered", "2013-01-02T09:00:00Z", Fixtures.registered("Paged " + i));
                p.publish(id, "KeyAccountDesignated", "2013-01-03T09:00:00Z", Fixtures.designated());
                p.publish(id, "KeyAccountManagerAssigned", "2013-01-03T10:00:00Z", Fixtures.manager(MANAGER, "Page Manager"));
                p.publish(id, "RevenueRecognized", "2013-06-30T12:00:00Z",
                        Fixtures.revenue("2013-06", (100 * (i + 1)) + ".00", (40 * (i + 1)) + ".00"));
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.reader())
                .queryParam("manager", MANAGER).queryParam("asOf", AS_OF).queryParam("view", "summary")
                .when().get("/api/reports/portfolio/health").then().extract().jsonPath().getInt("accounts") == ACCOUNTS);
    }

    static String account(int i) {
        return "PG" + i + "-" + RUN;
    }

    @Test
    void portfolioHealthIsSmallByDefaultAndPagesJoinUpToTheFullList() {
        JsonPath byDefault = get("/api/reports/portfolio/health", Map.of());
        assertThat(byDefault.getInt("page.limit")).isEqualTo(ListQuery.DEFAULT_LIMIT);
        assertThat(byDefault.getList("entries")).hasSizeLessThanOrEqualTo(ListQuery.DEFAULT_LIMIT);

        Map<String, Object> mine = Map.of("manager", MANAGER);
        List<String> all = get("/api/reports/portfolio/health", with(mine, "limit", 1000)).getList("entries.accountId");
        assertThat(all).hasSize(ACCOUNTS);
        List<String> joined = new ArrayList<>();
        Integer offset = 0;
        int pages = 0;
        while (offset != null) {
            JsonPath page = get("/api/reports/portfolio/health", with(with(mine, "limit", 3), "offset", offset));
            assertThat(page.getInt("accounts")).as("the summary counts every entry, not the page").isEqualTo(ACCOUNTS);
            assertThat(page.getInt("page.total")).isEqualTo(ACCOUNTS);
            joined.addAll(page.getList("entries.accountId"));
            offset = page.get("page.nextOffset");
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(joined).isEqualTo(all);

        JsonPath summary = get("/api/reports/portfolio/health", with(mine, "view", "summary"));
        assertThat(summary.getList("entries")).isEmpty();
        assertThat(summary.getInt("accounts")).isEqualTo(ACCOUNTS);
        assertThat(summary.getInt("bands.GREEN") + summary.getInt("bands.AMBER") + summary.getInt("bands.RED")
                + summary.getInt("bands.NO_DATA")).isEqualTo(ACCOUNTS);

        List<String> byId = get("/api/reports/portfolio/health", with(with(mine, "sort", "accountId"), "limit", 1000))
                .getList("entries.accountId");
        assertThat(byId).isSorted().containsExactlyInAnyOrderElementsOf(all);
        List<String> best = get("/api/reports/portfolio/health", with(with(mine, "sort", "best"), "limit", 1000))
                .getList("entries.accountId");
        assertThat(best).isEqualTo(all.reversed());
    }

    @Test
    void managersArePagedAndEachManagersListsCutToTheLimit() {
        JsonPath one = get("/api/reports/managers", Map.of("manager", MANAGER, "limit", 2));
        assertThat(one.getList("managers.managerId")).containsExactly(MANAGER);
        assertThat(one.getInt("managers[0].accountCount")).isEqualTo(ACCOUNTS);
        assertThat(one.getList("managers[0].accounts")).hasSize(2);
        assertThat(one.getInt("page.total")).isEqualTo(1);
        JsonPath firstPage = get("/api/reports/managers", Map.of("limit", 1));
        assertThat(firstPage.getList("managers")).hasSize(1);
        assertThat(firstPage.getInt("page.total")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void commercialRiskListsArePagedAndEvidenceIsOptIn() {
        String me = account(ACCOUNTS - 1); // the highest revenue of the run
        JsonPath full = get("/api/reports/portfolio/dependency-risk", Map.of("by", "account", "limit", 1000));
        int total = full.getInt("customerCount");
        assertThat(full.getInt("page.total")).isEqualTo(total);
        assertThat(full.getList("customers")).hasSize(total);
        assertThat(full.getList("pareto")).hasSize(total);
        assertThat(full.getList("customers.find { it.customerId == '" + me + "' }.eventIds")).isEmpty();
        JsonPath evidence = get("/api/reports/portfolio/dependency-risk",
                Map.of("by", "account", "limit", 1000, "include", "evidence"));
        assertThat(evidence.getList("customers.find { it.customerId == '" + me + "' }.eventIds")).hasSize(1);
        assertThat(evidence.getDouble("hhi")).isEqualTo(full.getDouble("hhi"));

        JsonPath second = get("/api/reports/portfolio/dependency-risk", Map.of("by", "account", "limit", 2, "offset", 2));
        assertThat(second.getList("customers.rank", Integer.class)).containsExactly(3, 4);
        assertThat(second.getDouble("hhi")).as("figures over every customer, whatever the page").isEqualTo(full.getDouble("hhi"));
        assertThat(second.getInt("page.nextOffset")).isEqualTo(4);

        List<String> ranked = get("/api/reports/portfolio/margin-pressure", Map.of("limit", 1000)).getList("accounts.accountId");
        JsonPath margin = get("/api/reports/portfolio/margin-pressure", Map.of("limit", 2, "offset", 1));
        assertThat(margin.getList("accounts.accountId")).isEqualTo(ranked.subList(1, 3));
        assertThat(margin.getInt("page.total")).isEqualTo(ranked.size());
        assertThat(get("/api/reports/portfolio/margin-pressure", Map.of("limit", 1000, "sort", "accountId"))
                .getList("accounts.accountId", String.class)).isSorted().hasSameSizeAs(ranked);
        assertThat(get("/api/reports/portfolio/neglected-potential", Map.of("view", "summary")).getList("accounts")).isEmpty();
    }

    @Test
    void badListParametersAre400NamingTheParameter() {
        Map<String, Object> bad = Map.of("limit", 0, "offset", -1, "sort", "loudest", "view", "everything",
                "include", "secrets");
        for (String path : List.of("/api/reports/portfolio/health", "/api/reports/managers",
                "/api/reports/portfolio/dependency-risk", "/api/reports/portfolio/margin-pressure",
                "/api/reports/portfolio/neglected-potential")) {
            bad.forEach((name, value) -> {
                if (name.equals("include") && (path.endsWith("/health") || path.endsWith("/managers"))) {
                    return; // nothing to include there
                }
                given().auth().oauth2(Tokens.reader()).queryParam(name, value).when().get(path).then()
                        .statusCode(400).contentType("application/problem+json")
                        .body("violations.field", org.hamcrest.Matchers.hasItem(name));
            });
            given().auth().oauth2(Tokens.reader()).queryParam("limit", 1001).when().get(path).then().statusCode(400)
                    .body("violations.field", org.hamcrest.Matchers.hasItem("limit"));
            given().auth().oauth2(Tokens.reader()).queryParam("limit", "many").when().get(path).then().statusCode(400)
                    .body("violations.field", org.hamcrest.Matchers.hasItem("limit"));
        }
    }

    static Map<String, Object> with(Map<String, Object> params, String name, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(params);
        copy.put(name, value);
        return copy;
    }

    static JsonPath get(String path, Map<String, Object> params) {
        return given().auth().oauth2(Tokens.reader()).queryParam("asOf", AS_OF).queryParams(params)
                .when().get(path).then().statusCode(200).extract().jsonPath();
    }
}
