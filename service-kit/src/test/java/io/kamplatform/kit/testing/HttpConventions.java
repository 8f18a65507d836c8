package io.kamplatform.kit.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.kamplatform.local.LocalKeys;
import io.kamplatform.local.TestInfra;
import io.kamplatform.local.TokenMinter;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import java.nio.charset.StandardCharsets;
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
import org.jose4j.lang.JoseException;

/**
 * The HTTP conventions every service keeps, as checks a service's {@code @QuarkusTest} runs against its own
 * endpoints: problems that say what to do (415, 403, 413, a mistyped query parameter), metrics labelled by route
 * templates only, tokens issued in the future refused, verified tokens recognised by their whole text.
 */
public final class HttpConventions {

    private static final RestAssuredConfig RAW_CONTENT_TYPE = RestAssuredConfig.config().encoderConfig(
            EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    private HttpConventions() {
    }

    /** A body with no Content-Type, a wildcard, another charset or another type: 415 that says what to send. */
    public static void onlyUtf8JsonIsAccepted(String path, String token, String body) {
        for (String contentType : List.of("text/plain", "*/*", "application/json; charset=utf-16", "application/xml")) {
            given().config(RAW_CONTENT_TYPE).auth().oauth2(token).contentType(contentType)
                    .body(body.getBytes(contentType.contains("utf-16") ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8))
                    .when().post(path)
                    .then().statusCode(415).contentType("application/problem+json")
                    .body("type", equalTo("urn:kam-platform:problem:unsupported-media-type"))
                    .body("detail", containsString("send Content-Type: application/json"));
        }
        given().config(RAW_CONTENT_TYPE).auth().oauth2(token).body(body.getBytes(StandardCharsets.UTF_8))
                .when().post(path)
                .then().statusCode(415).contentType("application/problem+json")
                .body("detail", containsString("send Content-Type: application/json"));
    }

    /** A token without the role: 403 whose detail names the role(s) the operation needs. */
    public static void forbiddenNamesTheRole(String method, String path, String token, String role) {
        given().auth().oauth2(token).contentType("application/json").body("{}")
                .when().request(method, path)
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString(role));
    }

    /** A value that does not convert to the parameter's type: 400 naming the parameter, never 404. */
    public static void mistypedQueryParameterIsNamed(String path, String token, String parameter) {
        given().auth().oauth2(token).queryParam(parameter, "ten")
                .when().get(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(parameter));
    }

    /** A body over the HTTP layer's hard limit: 413 as problem+json, not an empty response. */
    public static void hugeBodyGetsAProblem(String path, String token) {
        byte[] body = new byte[5 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[body.length - 1] = '}';
        given().auth().oauth2(token).contentType("application/json").body(body)
                .when().post(path)
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:kam-platform:problem:payload-too-large"));
    }

    /**
     * Requests with unknown methods or ids, without a token, to paths made from {@code templates} ({@code %s} is
     * replaced by a fresh id): the metrics must not grow a series per path.
     */
    public static void metricsCarryRouteTemplatesOnly(String... templates) {
        List<String> ids = new ArrayList<>();
        for (String template : templates) {
            for (String method : List.of("DELETE", "PUT", "PATCH", "OPTIONS", "HEAD", "GET", "POST", "TRACE")) {
                String id = "probe" + UUID.randomUUID().toString().substring(0, 8);
                ids.add(id);
                given().when().request(method, template.formatted(id)).then().statusCode(org.hamcrest.Matchers.lessThan(500));
            }
        }
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String id : ids) {
            assertThat(metrics).as("metrics after requests to a path with id %s", id).doesNotContain(id);
        }
    }

    /** A correctly signed token whose iat lies a day ahead is refused; one a few seconds ahead (clock skew) is not. */
    public static void tokensIssuedInTheFutureAreRefused(String method, String path, String role) {
        given().auth().oauth2(issuedAt(Instant.now().plus(Duration.ofHours(24)), role))
                .when().request(method, path)
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("issued in the future"));
        int status = given().auth().oauth2(issuedAt(Instant.now().plusSeconds(10), role))
                .when().request(method, path).then().extract().statusCode();
        assertThat(status).as("a token issued 10 s ahead (clock skew)").isNotIn(401, 403);
    }

    /**
     * A token verified once is recognised by its whole text after that (service-kit {@code VerifiedTokens}): the
     * recognised count grows, and the same token with its signature changed is still refused.
     */
    public static void verifiedTokensAreRecognisedByTheirWholeText(String method, String path, String role) {
        String token = issuedAt(Instant.now(), role);
        double before = recognisedTokens();
        for (int i = 0; i < 3; i++) {
            int status = given().auth().oauth2(token).when().request(method, path).then().extract().statusCode();
            assertThat(status).as("a valid token, request %d", i + 1).isNotIn(401, 403);
        }
        assertThat(recognisedTokens()).as("requests recognised without verifying the token again").isGreaterThanOrEqualTo(before + 2);
        String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        given().auth().oauth2(forged).when().request(method, path).then().statusCode(401);
    }

    private static double recognisedTokens() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("kam_security_verified_tokens_total") && l.contains("outcome=\"recognised\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** A token like {@link TokenMinter}'s, signed by the test key, but issued at {@code issuedAt}. */
    public static String issuedAt(Instant issuedAt, String... roles) {
        LocalKeys keys = LocalKeys.loadOrCreate(Path.of(TestInfra.instance().publicKeyLocation()).getParent());
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(TokenMinter.ISSUER);
        claims.setSubject(TestInfra.TEST_USER);
        claims.setClaim("upn", TestInfra.TEST_USER);
        claims.setStringListClaim("groups", List.of(roles));
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(issuedAt.plus(Duration.ofHours(1)).getEpochSecond()));
        claims.setJwtId(UUID.randomUUID().toString());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.privateKey());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
