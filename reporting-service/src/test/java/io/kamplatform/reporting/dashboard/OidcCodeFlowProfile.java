package io.kamplatform.reporting.dashboard;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.List;
import java.util.Map;

/**
 * The dashboard as Kubernetes configures it (deploy/kubernetes/README.md): OpenID Connect code flow against an identity
 * provider (Quarkus' WireMock realm), local sign-in off, the IdP group "admin" mapped to kam-reader.
 */
public class OidcCodeFlowProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("kam.dashboard.auth-mechanism", "code"),
                Map.entry("kam.dashboard.local-sign-in.enabled", "false"),
                Map.entry("quarkus.oidc.tenant-enabled", "true"),
                // keycloak.url comes from OidcWiremockTestResource.
                Map.entry("quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus"),
                Map.entry("quarkus.oidc.client-id", "quarkus-web-app"),
                Map.entry("quarkus.oidc.credentials.secret", "secret"),
                // The WireMock realm's ID tokens name this audience rather than the client id.
                Map.entry("quarkus.oidc.token.audience", "https://id.server.example.com"),
                Map.entry("quarkus.oidc.token-state-manager.encryption-secret", "0123456789abcdef0123456789abcdef-test"),
                Map.entry("quarkus.http.auth.roles-mapping.\"admin\"", roleOfAdminGroup()));
    }

    /** The platform role the IdP group "admin" (one of alice's groups) maps to. */
    protected String roleOfAdminGroup() {
        return "kam-reader";
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(OidcWiremockTestResource.class));
    }

    @Override
    public String getConfigProfile() {
        return "oidc-code-flow";
    }
}
