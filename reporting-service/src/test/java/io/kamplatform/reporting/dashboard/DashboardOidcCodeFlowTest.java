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
        Response toIdp = OidcCodeFlow.toIdentityProvider("/?asOf=2026-01-01&by=account");
        toIdp.then().statusCode(302);
        URI authorize = URI.create(toIdp.header("Location"));
        assertThat(authorize.getPath()).isEqualTo("/auth/realms/quarkus");
        Map<String, String> query = OidcCodeFlow.query(authorize);
        assertThat(query).containsKeys("state", "code_challenge", "redirect_uri").containsEntry("code_challenge_method", "S256");
        assertThat(query.get("redirect_uri")).endsWith("/oidc/callback");

        // The IdP's login answers with the code at our callback.
        Response back = OidcCodeFlow.callback(toIdp);
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
}
