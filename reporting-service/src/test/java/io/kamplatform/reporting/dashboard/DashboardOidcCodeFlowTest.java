package io.kamplatform.reporting.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.kamplatform.reporting.support.DashboardSignIn;
import io.kamplatform.reporting.support.Tokens;
import io.kamplatform.local.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * In Kubernetes the pages sign in with the OpenID Connect code flow (PKCE) and come back to the page asked for, asOf
 * included; the session cookie is HttpOnly and Lax; the API stays bearer-only; the local sign-in link is off.
 */
@QuarkusTest
@TestProfile(OidcCodeFlowProfile.class)
class DashboardOidcCodeFlowTest {

    @Test
    void aPageSignsInThroughTheIdentityProviderAndReturnsToItsUrl() {
        Response toIdp = given().redirects().follow(false).when().get("/?asOf=2026-01-01&by=account");
        toIdp.then().statusCode(302);
        URI authorize = URI.create(toIdp.header("Location"));
        assertThat(authorize.getPath()).isEqualTo("/auth/realms/quarkus");
        Map<String, String> query = query(authorize);
        assertThat(query).containsKeys("state", "code_challenge", "redirect_uri").containsEntry("code_challenge_method", "S256");
        assertThat(query.get("redirect_uri")).endsWith("/oidc/callback");
        Map<String, String> stateCookies = toIdp.getCookies();

        // The IdP's login answers with the code at our callback.
        Response login = given().redirects().follow(false).baseUri(authorize.getScheme() + "://" + authorize.getAuthority())
                .port(authorize.getPort()).queryParam("state", query.get("state")).queryParam("redirect_uri", query.get("redirect_uri"))
                .when().get("/login");
        URI callback = URI.create(login.header("Location"));
        Response back = given().redirects().follow(false).cookies(stateCookies).urlEncodingEnabled(false)
                .when().get(callback.getRawPath() + "?" + callback.getRawQuery());
        back.then().statusCode(302);
        assertThat(back.header("Location")).endsWith("/?asOf=2026-01-01&by=account");
        String session = back.header("Set-Cookie");
        assertThat(back.getHeaders().getValues("Set-Cookie")).anySatisfy(c ->
                assertThat(c).startsWith("q_session").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax"));
        assertThat(session).isNotNull();

        given().cookies(back.getCookies()).when().get("/?asOf=2026-01-01&by=account").then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("Pareto curve")).body(containsString("alice"));
    }

    @Test
    void theApiStaysBearerOnlyAndTheLocalLinkIsOff() {
        given().redirects().follow(false).when().get("/api/reports/portfolio/health").then().statusCode(401);
        given().auth().oauth2(Tokens.reader()).when().get("/api/reports/portfolio/health").then().statusCode(200);
        given().redirects().follow(false).queryParam("ticket", DashboardSignIn.ticket(Roles.KAM_READER))
                .when().get("/sign-in/local").then().statusCode(404);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new java.util.HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], java.net.URLDecoder.decode(kv.length > 1 ? kv[1] : "", java.nio.charset.StandardCharsets.UTF_8));
        }
        return params;
    }
}
