package io.kamplatform.reporting.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;

import io.kamplatform.local.Roles;
import io.kamplatform.local.TokenMinter;
import io.kamplatform.reporting.support.DashboardSignIn;
import io.kamplatform.reporting.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.security.KeyPairGenerator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Local dashboard sign-in: the one-use ticket becomes an HttpOnly, SameSite=Lax session cookie; pages without a valid
 * session go to the sign-in page; the role kam-reader is needed; /api never accepts the cookie, and a ticket is no
 * bearer token.
 */
@QuarkusTest
class DashboardAuthTest {

    @Test
    void pagesWithoutASessionGoToSignIn() {
        for (String page : new String[]{"/", "/margin-pressure", "/accounts/ACME", "/managers?asOf=2026-01-01", "/plans",
                "/health-models?candidate=kam-health-2", "/accounts/ACME/plan"}) {
            given().redirects().follow(false).when().get(page)
                    .then().statusCode(302).header("Location", endsWith("/sign-in"));
        }
        given().when().get("/sign-in").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("./deploy/local/dashboard-link"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void aTicketSignsInOnceWithAnHttpOnlyLaxCookie() {
        String ticket = DashboardSignIn.ticket(Roles.KAM_READER);
        Response exchange = given().redirects().follow(false).queryParam("ticket", ticket).when().get("/sign-in/local");
        exchange.then().statusCode(303).header("Location", endsWith("/")).header("Referrer-Policy", "no-referrer");
        String setCookie = exchange.header("Set-Cookie");
        assertThat(setCookie).startsWith("kam-session=").contains("HttpOnly", "SameSite=Lax", "Path=/").doesNotContain(ticket);
        String session = exchange.cookie("kam-session");

        given().cookie("kam-session", session).when().get("/").then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("Pareto curve"))
                .body(containsString("test-director"));
        // One use: the same link again is refused.
        given().redirects().follow(false).queryParam("ticket", ticket).when().get("/sign-in/local")
                .then().statusCode(401).body(containsString("already used"));
    }

    @Test
    void forgedExpiredOrForeignTicketsAreRefused() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        String forged = new TokenMinter(rsa.generateKeyPair().getPrivate())
                .mintSignInTicket("intruder", Duration.ofMinutes(5), Roles.KAM_READER);
        String tooLong = DashboardSignIn.minter().mintSignInTicket("someone", Duration.ofHours(2), Roles.KAM_READER);
        String bearerToken = Tokens.reader(); // right key, wrong audience
        for (String ticket : new String[]{forged, tooLong, bearerToken, "not-a-jwt", ""}) {
            given().redirects().follow(false).queryParam("ticket", ticket).when().get("/sign-in/local")
                    .then().statusCode(401).contentType(containsString("text/html"));
        }
    }

    @Test
    void aSessionWithoutTheReaderRoleGetsA403NamingIt() {
        String session = DashboardSignIn.session(Roles.CRM_WRITER);
        given().cookie("kam-session", session).when().get("/").then().statusCode(403)
                .contentType(containsString("text/html")).body(containsString("kam-reader"));
        given().cookie("kam-session", session).when().get("/accounts/ACME").then().statusCode(403)
                .body(containsString("kam-reader"));
    }

    @Test
    void aTamperedSessionGoesBackToSignIn() {
        String session = DashboardSignIn.session(Roles.KAM_READER);
        String[] parts = session.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "xx." + parts[2];
        given().redirects().follow(false).cookie("kam-session", tampered).when().get("/")
                .then().statusCode(302).header("Location", endsWith("/sign-in"));
    }

    @Test
    void theApiTakesNoCookieAndATicketIsNoBearerToken() {
        String session = DashboardSignIn.session(Roles.KAM_READER);
        given().cookie("kam-session", session).when().get("/api/reports/portfolio/health")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(session).when().get("/api/reports/portfolio/health").then().statusCode(401);
        given().auth().oauth2(DashboardSignIn.ticket(Roles.KAM_READER)).when().get("/api/reports/portfolio/health")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.reader()).when().get("/api/reports/portfolio/health").then().statusCode(200);
    }

    @Test
    void signOutEndsTheSessionOnlyFromOurOwnPages() {
        String session = DashboardSignIn.session(Roles.KAM_READER);
        given().redirects().follow(false).cookie("kam-session", session).header("Origin", "https://evil.example")
                .when().post("/sign-out").then().statusCode(403);
        String origin = io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port;
        given().redirects().follow(false).cookie("kam-session", session).header("Origin", origin)
                .when().post("/sign-out").then().statusCode(303).header("Location", endsWith("/sign-in"))
                .header("Set-Cookie", startsWith("kam-session=;")).header("Set-Cookie", containsString("Max-Age=0"));
    }
}
