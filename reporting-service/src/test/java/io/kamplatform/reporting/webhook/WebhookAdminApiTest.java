package io.kamplatform.reporting.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.kamplatform.reporting.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The subscription API: admins only, every bad input a 400 problem naming the field, secrets shown once and never again. */
@QuarkusTest
class WebhookAdminApiTest {

    static final String VALID = "{\"url\":\"https://hooks.example.com/kam\",\"description\":\"CRM alerts\","
            + "\"eventTypes\":[\"HealthBandChanged\"],\"filters\":{\"bands\":[\"RED\"]}}";

    @Test
    void onlyAdminsManageWebhooks() {
        String id = UUID.randomUUID().toString();
        for (String[] call : new String[][] {{"GET", "/api/admin/webhooks"}, {"POST", "/api/admin/webhooks"},
                {"GET", "/api/admin/webhooks/" + id}, {"PUT", "/api/admin/webhooks/" + id}, {"DELETE", "/api/admin/webhooks/" + id},
                {"GET", "/api/admin/webhooks/" + id + "/deliveries"}, {"POST", "/api/admin/webhooks/" + id + "/redrive"}, {"POST", "/api/admin/webhooks/" + id + "/ping"},
                {"POST", "/api/admin/webhooks/" + id + "/deliveries/" + id + "/redrive"}}) {
            given().contentType("application/json").body(VALID).when().request(call[0], call[1])
                    .then().statusCode(401).contentType("application/problem+json");
            for (String token : new String[] {Tokens.reader(), Tokens.writer()}) {
                given().auth().oauth2(token).contentType("application/json").body(VALID).when().request(call[0], call[1])
                        .then().statusCode(403).contentType("application/problem+json");
            }
        }
    }

    @Test
    void aSubscriptionsSecretIsShownOnceAndNeverAgain() {
        JsonPath created = admin().contentType("application/json").body(VALID).when().post("/api/admin/webhooks")
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.containsString("/api/admin/webhooks/")).extract().jsonPath();
        String id = created.getString("subscription.id");
        String secret = created.getString("secret");
        assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
        assertThat(created.getString("subscription.url")).isEqualTo("https://hooks.example.com/kam");
        assertThat(created.getList("subscription.filters.bands")).containsExactly("RED");
        assertThat(created.getList("subscription.filters.accountIds")).isEmpty();

        String one = admin().when().get("/api/admin/webhooks/{id}", id).then().statusCode(200)
                .body("eventTypes", equalTo(java.util.List.of("HealthBandChanged"))).extract().asString();
        String all = admin().when().get("/api/admin/webhooks").then().statusCode(200)
                .body("subscriptions.id", hasItem(id)).extract().asString();
        assertThat(one).doesNotContain(secret).doesNotContain("secret");
        assertThat(all).doesNotContain(secret);

        String own = "my-own-secret-with-enough-characters";
        JsonPath withOwn = admin().contentType("application/json").body(VALID.replace("}}", "},\"secret\":\"" + own + "\"}"))
                .when().post("/api/admin/webhooks").then().statusCode(201).extract().jsonPath();
        assertThat(withOwn.getString("secret")).isEqualTo(own);

        admin().contentType("application/json").body("{\"url\":\"https://other.example.com/x\",\"secret\":\"rotated-secret-0123456789abc\"}")
                .when().put("/api/admin/webhooks/{id}", id).then().statusCode(200)
                .body("url", equalTo("https://other.example.com/x")).body("eventTypes", equalTo(java.util.List.of()))
                .body("enabled", equalTo(true)).body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("secret")));

        admin().when().delete("/api/admin/webhooks/{id}", id).then().statusCode(204);
        admin().when().delete("/api/admin/webhooks/{id}", id).then().statusCode(404).contentType("application/problem+json");
        admin().when().get("/api/admin/webhooks/{id}", id).then().statusCode(404);
        admin().when().delete("/api/admin/webhooks/{id}", withOwn.getString("subscription.id")).then().statusCode(204);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "http outside localhost | {\"url\":\"http://hooks.example.com/kam\"} | url",
            "link-local | {\"url\":\"https://169.254.10.1/kam\"} | url",
            "metadata address | {\"url\":\"https://169.254.169.254/latest/meta-data\"} | url",
            "metadata host | {\"url\":\"https://metadata.google.internal/computeMetadata/v1\"} | url",
            "IPv6 metadata | {\"url\":\"https://[fd00:ec2::254]/\"} | url",
            "IPv6 link-local | {\"url\":\"https://[fe80::1]/\"} | url",
            "credentials | {\"url\":\"https://u:p@hooks.example.com/\"} | url",
            "relative URL | {\"url\":\"/hook\"} | url",
            "no URL | {\"description\":\"x\"} | url",
            "unknown type | {\"url\":\"https://h.example.com/\",\"eventTypes\":[\"AccountRegistered\"]} | eventTypes[0]",
            "unknown band | {\"url\":\"https://h.example.com/\",\"filters\":{\"bands\":[\"PURPLE\"]}} | filters.bands[0]",
            "blank account | {\"url\":\"https://h.example.com/\",\"filters\":{\"accountIds\":[\" \"]}} | filters.accountIds[0]",
            "short secret | {\"url\":\"https://h.example.com/\",\"secret\":\"short\"} | secret",
            "secret with spaces | {\"url\":\"https://h.example.com/\",\"secret\":\"a secret with spaces in it ok\"} | secret",
            "unknown field | {\"url\":\"https://h.example.com/\",\"target\":\"x\"} | target",
            "wrong type | {\"url\":\"https://h.example.com/\",\"enabled\":\"yes\"} | enabled",
            "types not a list | {\"url\":\"https://h.example.com/\",\"eventTypes\":\"StageChanged\"} | eventTypes",
    })
    void badSubscriptionsAreRefusedWithTheField(String what, String body, String field) {
        ValidatableResponse response = admin().contentType("application/json").body(body).when().post("/api/admin/webhooks")
                .then().statusCode(400).contentType("application/problem+json");
        assertThat(response.extract().jsonPath().getList("violations.field")).as(what).contains(field);
    }

    @Test
    void malformedBodiesParametersAndIdsAreClearProblems() {
        admin().contentType("application/json").body("{\"url\":").when().post("/api/admin/webhooks")
                .then().statusCode(400).contentType("application/problem+json");
        admin().contentType("application/json").body("").when().post("/api/admin/webhooks").then().statusCode(400);
        admin().contentType("text/plain").body(VALID).when().post("/api/admin/webhooks").then().statusCode(415);
        admin().contentType("application/json").body("{\"url\":\"https://h.example.com/" + "a".repeat(2100) + "\"}")
                .when().post("/api/admin/webhooks").then().statusCode(400).body("violations[0].field", equalTo("url"));
        StringBuilder many = new StringBuilder("{\"url\":\"https://h.example.com/\",\"filters\":{\"accountIds\":[");
        for (int i = 0; i < 101; i++) {
            many.append(i == 0 ? "" : ",").append("\"A").append(i).append('"');
        }
        admin().contentType("application/json").body(many + "]}}").when().post("/api/admin/webhooks")
                .then().statusCode(400).body("violations[0].field", equalTo("filters.accountIds"));
        admin().when().get("/api/admin/webhooks/not-a-uuid").then().statusCode(404).contentType("application/problem+json");

        String id = admin().contentType("application/json").body(VALID).when().post("/api/admin/webhooks")
                .then().statusCode(201).extract().path("subscription.id");
        admin().queryParam("status", "LOST").when().get("/api/admin/webhooks/{id}/deliveries", id)
                .then().statusCode(400).body("violations[0].field", equalTo("status"));
        admin().queryParam("limit", 0).when().get("/api/admin/webhooks/{id}/deliveries", id)
                .then().statusCode(400).body("violations[0].field", equalTo("limit"));
        admin().queryParam("offset", -1).when().get("/api/admin/webhooks/{id}/deliveries", id)
                .then().statusCode(400).body("violations[0].field", equalTo("offset"));
        admin().queryParam("limit", "many").when().get("/api/admin/webhooks/{id}/deliveries", id).then().statusCode(400);
        admin().when().get("/api/admin/webhooks/{id}/deliveries", id).then().statusCode(200)
                .body("deliveries", equalTo(java.util.List.of())).body("limit", equalTo(50));
        admin().when().post("/api/admin/webhooks/{id}/deliveries/{d}/redrive", id, UUID.randomUUID()).then().statusCode(404);
        admin().when().get("/api/admin/webhooks/{id}/deliveries", UUID.randomUUID()).then().statusCode(404);
        admin().contentType("application/json").body(VALID).when().put("/api/admin/webhooks/{id}", UUID.randomUUID()).then().statusCode(404);
        admin().when().delete("/api/admin/webhooks/{id}", id).then().statusCode(204);
    }

    static RequestSpecification admin() {
        return given().auth().oauth2(Tokens.admin());
    }
}
