package io.kamplatform.reporting.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A user the identity provider signs in, whose groups map to no kam-reader (nor kam-admin), gets the HTML 403 naming
 * the role on every page; signing in is not authorisation.
 */
@QuarkusTest
@TestProfile(OidcUnmappedGroupProfile.class)
class DashboardOidcUnmappedGroupTest {

    @Test
    void aSignedInUserWithoutKamReaderIsRefusedEveryPage() {
        Map<String, String> session = OidcCodeFlow.signIn("/managers");
        for (String page : new String[]{"/", "/what-if", "/margin-pressure", "/neglected-potential", "/managers",
                "/managers?band=RED", "/plans", "/health-models", "/health-models?candidate=kam-health-2",
                "/accounts/ANY-ACCOUNT", "/accounts/ANY-ACCOUNT/plan"}) {
            given().redirects().follow(false).cookies(session).when().get(page).then().statusCode(403)
                    .contentType(containsString("text/html")).body(containsString("kam-reader"))
                    .body(not(containsString("Pareto curve")));
        }
    }
}
