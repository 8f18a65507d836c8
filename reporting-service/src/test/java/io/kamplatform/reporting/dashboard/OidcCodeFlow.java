package io.kamplatform.reporting.dashboard;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The browser's side of the code flow against Quarkus' WireMock identity provider (it signs in "alice"). */
final class OidcCodeFlow {

    private OidcCodeFlow() {
    }

    /** A page without a session: the 302 to the identity provider's authorize endpoint. */
    static Response toIdentityProvider(String path) {
        return given().redirects().follow(false).when().get(path);
    }

    /** Logs in at the identity provider and follows its redirect to our callback: the callback's answer. */
    static Response callback(Response toIdp) {
        URI authorize = URI.create(toIdp.header("Location"));
        Map<String, String> query = query(authorize);
        Response login = given().redirects().follow(false).baseUri(authorize.getScheme() + "://" + authorize.getAuthority())
                .port(authorize.getPort()).queryParam("state", query.get("state")).queryParam("redirect_uri", query.get("redirect_uri"))
                .when().get("/login");
        URI callback = URI.create(login.header("Location"));
        return given().redirects().follow(false).cookies(toIdp.getCookies()).urlEncodingEnabled(false)
                .when().get(callback.getRawPath() + "?" + callback.getRawQuery());
    }

    /** The session cookies after signing in through the identity provider, starting at {@code path}. */
    static Map<String, String> signIn(String path) {
        return callback(toIdentityProvider(path)).getCookies();
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> params = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
        }
        return params;
    }
}
