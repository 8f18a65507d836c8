package io.kamplatform.reporting.support;

import static io.restassured.RestAssured.given;

import io.kamplatform.local.LocalKeys;
import io.kamplatform.local.TestInfra;
import io.kamplatform.local.TokenMinter;
import java.nio.file.Path;
import java.time.Duration;

/** Dashboard sign-in for tests: tickets as the launcher mints them, exchanged for the session cookie. */
public final class DashboardSignIn {

    private DashboardSignIn() {
    }

    public static TokenMinter minter() {
        return new TokenMinter(LocalKeys.loadOrCreate(Path.of(TestInfra.instance().publicKeyLocation()).getParent()).privateKey());
    }

    public static String ticket(String... roles) {
        return minter().mintSignInTicket("test-director", TokenMinter.SIGN_IN_LIFETIME, roles);
    }

    /** The session cookie's value for a user with {@code roles}. */
    public static String session(String... roles) {
        return given().redirects().follow(false).queryParam("ticket", ticket(roles))
                .when().get("/sign-in/local").then().statusCode(303).extract().cookie("kam-session");
    }
}
