package io.kamplatform.reporting.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.kamplatform.kit.testing.HttpConventions;
import io.kamplatform.reporting.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The platform's HTTP conventions, which service-kit applies to reporting-service too: a mistyped paging parameter is
 * a 400 naming it (not 404), a 403 names the role, an oversized body gets problem+json, metrics are labelled with
 * route templates only, and a token issued in the future is refused.
 */
@QuarkusTest
class HttpConventionsTest {

    @Test
    void mistypedPagingParametersAreNamed() {
        for (String parameter : List.of("limit", "offset")) {
            given().auth().oauth2(Tokens.reader()).queryParam(parameter, "ten")
                    .when().get("/api/reports/accounts/ACME/timeline")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem(parameter));
        }
        given().auth().oauth2(Tokens.admin()).queryParam("limit", "many")
                .when().get("/api/admin/dead-letters")
                .then().statusCode(400).body("violations.field", hasItem("limit"));
        // JAX-RS would read any word but "true" as false: a typo must not silently change the answer.
        given().auth().oauth2(Tokens.reader()).queryParam("keyAccountsOnly", "yes")
                .when().get("/api/reports/portfolio/margin-pressure")
                .then().statusCode(400).body("violations.field", hasItem("keyAccountsOnly"));
        given().auth().oauth2(Tokens.reader()).queryParam("minScore", "high")
                .when().get("/api/reports/portfolio/margin-pressure")
                .then().statusCode(400).body("violations.field", hasItem("minScore"));
    }

    @Test
    void forbiddenSaysWhichRoleIsNeeded() {
        given().auth().oauth2(Tokens.reader()).when().get("/api/admin/dead-letters")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("kam-admin"));
    }

    @Test
    void aHugeBodyGetsAProblem() {
        byte[] body = new byte[5 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) ' ');
        given().auth().oauth2(Tokens.admin()).contentType("application/json").body(body)
                .when().post("/api/admin/dead-letters/replay")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:kam-platform:problem:payload-too-large"));
    }

    @Test
    void metricsAreLabelledWithRouteTemplatesOnly() {
        HttpConventions.metricsCarryRouteTemplatesOnly("/api/reports/accounts/%s/health",
                "/api/reports/accounts/%s/timeline", "/api/nothing/%s");
    }

    @Test
    void tokensIssuedInTheFutureAreRefused() {
        HttpConventions.tokensIssuedInTheFutureAreRefused("GET", "/api/reports/portfolio/health", "kam-reader");
    }

    @Test
    void verifiedTokensAreRecognisedByTheirWholeText() {
        HttpConventions.verifiedTokensAreRecognisedByTheirWholeText("GET", "/api/reports/portfolio/health", "kam-reader");
    }
}
