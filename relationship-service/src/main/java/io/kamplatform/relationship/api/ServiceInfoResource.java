package io.kamplatform.relationship.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What this service is and who is asking: lets an integration check its token and roles end to end. */
@Path("/api/service-info")
@Tag(name = "Service")
@SecurityRequirement(name = "jwt")
public class ServiceInfoResource {

    /** The service and the caller's identity as the service sees it. */
    public record ServiceInfo(String service, String version, String status, String caller, java.util.Set<String> roles) {
    }

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev")
    String version;

    private final JsonWebToken token;

    public ServiceInfoResource(JsonWebToken token) {
        this.token = token;
    }

    @GET
    @RolesAllowed({"crm-writer", "kam-reader", "kam-admin"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Service identity and the caller's roles")
    public ServiceInfo info() {
        return new ServiceInfo(service, version, "skeleton: Will record the buyer's decision-making unit, interactions, service requests, complaints and contracts (issue 3).", token.getName(), token.getGroups());
    }
}
