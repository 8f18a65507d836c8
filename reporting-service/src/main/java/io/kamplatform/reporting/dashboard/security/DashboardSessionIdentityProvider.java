package io.kamplatform.reporting.dashboard.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns a verified session cookie into the user and roles it was issued for. */
@ApplicationScoped
public class DashboardSessionIdentityProvider implements IdentityProvider<DashboardSessionRequest> {

    private final SessionCookies sessions;

    public DashboardSessionIdentityProvider(SessionCookies sessions) {
        this.sessions = sessions;
    }

    @Override
    public Class<DashboardSessionRequest> getRequestType() {
        return DashboardSessionRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(DashboardSessionRequest request, AuthenticationRequestContext context) {
        return sessions.verify(request.cookie())
                .<Uni<SecurityIdentity>>map(token -> Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                        .setPrincipal(token).addRoles(token.getGroups()).build()))
                .orElseGet(() -> Uni.createFrom().failure(new AuthenticationFailedException("invalid dashboard session")));
    }
}
