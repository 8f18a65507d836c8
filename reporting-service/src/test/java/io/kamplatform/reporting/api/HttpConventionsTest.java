package io.kamplatform.reporting.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;

import io.kamplatform.kit.testing.HttpConventions;
import io.kamplatform.local.LocalKeys;
import io.kamplatform.local.TestInfra;
import io.kamplatform.local.TokenMinter;
import io.kamplatform.reporting.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
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
        List<String> ids = new ArrayList<>();
        for (String template : List.of("/api/reports/accounts/%s/health", "/api/reports/accounts/%s/timeline", "/api/nothing/%s")) {
            for (String method : List.of("DELETE", "PUT", "PATCH", "OPTIONS", "HEAD", "GET", "POST", "TRACE")) {
                String id = "probe" + UUID.randomUUID().toString().substring(0, 8);
                ids.add(id);
                given().when().request(method, template.formatted(id)).then().statusCode(lessThan(500));
            }
        }
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String id : ids) {
            assertThat(metrics).as("metrics after requests to a path with id %s", id).doesNotContain(id);
        }
    }

    @Test
    void tokensIssuedInTheFutureAreRefused() {
        given().auth().oauth2(issuedAt(Instant.now().plus(Duration.ofHours(24))))
                .when().get("/api/reports/portfolio/health")
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("issued in the future"));
        given().auth().oauth2(issuedAt(Instant.now().plusSeconds(10)))
                .when().get("/api/reports/portfolio/health")
                .then().statusCode(200);
    }

    /** A kam-reader token like {@link TokenMinter}'s, signed by the test key, but issued at {@code issuedAt}. */
    private static String issuedAt(Instant issuedAt) {
        LocalKeys keys = LocalKeys.loadOrCreate(Path.of(TestInfra.instance().publicKeyLocation()).getParent());
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(TokenMinter.ISSUER);
        claims.setSubject(TestInfra.TEST_USER);
        claims.setStringListClaim("groups", List.of("kam-reader"));
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(issuedAt.plus(Duration.ofHours(1)).getEpochSecond()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.privateKey());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (org.jose4j.lang.JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void verifiedTokensAreRecognisedByTheirWholeText() {
        HttpConventions.verifiedTokensAreRecognisedByTheirWholeText("GET", "/api/reports/portfolio/health", "kam-reader");
    }
}
