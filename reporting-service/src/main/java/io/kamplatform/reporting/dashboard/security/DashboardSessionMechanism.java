package io.kamplatform.reporting.dashboard.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Authenticates dashboard pages by the session cookie; without a valid one, the challenge sends the browser to the
 * sign-in page. Never looks at /api or /q: those stay bearer-only, so no page can make the browser call the API with
 * the user's cookie.
 */
@ApplicationScoped
public class DashboardSessionMechanism implements HttpAuthenticationMechanism {

    public static final String SCHEME = "kam-session";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String path = context.normalizedPath();
        Cookie cookie = context.request().getCookie(SessionCookies.NAME);
        if (path.startsWith("/api/") || path.startsWith("/q/") || cookie == null) {
            return Uni.createFrom().nullItem();
        }
        // An invalid or expired cookie counts as no session: the page then challenges with the sign-in redirect.
        return identityProviderManager.authenticate(
                HttpSecurityUtils.setRoutingContextAttribute(new DashboardSessionRequest(cookie.getValue()), context))
                .onFailure(AuthenticationFailedException.class).recoverWithNull();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(302, HttpHeaders.LOCATION, "/sign-in"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(DashboardSessionRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE, SessionCookies.NAME, SCHEME));
    }
}
