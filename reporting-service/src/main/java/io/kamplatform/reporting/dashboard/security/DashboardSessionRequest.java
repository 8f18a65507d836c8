package io.kamplatform.reporting.dashboard.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The value of the dashboard session cookie, to be turned into an identity. */
public class DashboardSessionRequest extends BaseAuthenticationRequest {

    private final String cookie;

    public DashboardSessionRequest(String cookie) {
        this.cookie = cookie;
    }

    public String cookie() {
        return cookie;
    }
}
