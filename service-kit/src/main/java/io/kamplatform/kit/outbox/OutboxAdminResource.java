package io.kamplatform.kit.outbox;

import io.kamplatform.kit.api.Roles;
import io.kamplatform.kit.problem.Problem;
import io.kamplatform.kit.problem.ProblemException;
import io.kamplatform.kit.problem.Violation;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators' view of the outbox and its repairs (role kam-admin). */
@IfBuildProperty(name = "kam.outbox.included", stringValue = "true", enableIfMissing = true)
@Path("/api/admin/outbox")
@Tag(name = "Outbox administration", description = "State of the transactional outbox that publishes this service's "
        + "events to Kafka, its audit, and republishing for repairs (role kam-admin)")
@SecurityRequirement(name = "jwt")
@RolesAllowed(Roles.KAM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class OutboxAdminResource {

    private final OutboxStatus status;
    private final OutboxMonitor monitor;
    private final OutboxAudit audit;
    private final OutboxRepublisher republisher;

    public OutboxAdminResource(OutboxStatus status, OutboxMonitor monitor, OutboxAudit audit,
                               OutboxRepublisher republisher) {
        this.status = status;
        this.monitor = monitor;
        this.audit = audit;
        this.republisher = republisher;
    }

    @GET
    @Operation(summary = "Outbox state", description = "The checkpoint, events published, the backlog after the "
            + "checkpoint, whether the invariant holds, and the last audit.")
    @APIResponse(responseCode = "200", description = "The state now",
            content = @Content(schema = @Schema(implementation = OutboxReport.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Role kam-admin required", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<OutboxReport> state() {
        return monitor.measure().map(measured -> OutboxReport.of(status));
    }

    @POST
    @Path("/audit")
    @Operation(summary = "Audit the outbox now", description = "Counts the events at or before the checkpoint, "
            + "compares them with the events published and republishes what was never published. Runs by itself at "
            + "start and every kam.outbox.audit-interval-ms.")
    @APIResponse(responseCode = "200", description = "What the audit found and did",
            content = @Content(schema = @Schema(implementation = OutboxAuditResult.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Role kam-admin required", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<OutboxAuditResult> audit() {
        return audit.audit();
    }

    @POST
    @Path("/republish")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Republish stored events by position", description = "Sends the events with fromPosition <= "
            + "position <= toPosition again, in order, at most `limit` per call; continue from `nextPosition` until it "
            + "is null. Safe to repeat: consumers deduplicate on the CloudEvents source and id.")
    @APIResponse(responseCode = "200", description = "What was sent and where to continue",
            content = @Content(schema = @Schema(implementation = OutboxRepublisher.Republication.class)))
    @APIResponse(responseCode = "400", description = "Invalid range or limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Role kam-admin required", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<OutboxRepublisher.Republication> republish(@Valid @NotNull RepublishRequest request) {
        long to = request.toPosition() == null ? Long.MAX_VALUE : request.toPosition();
        if (to < request.fromPosition()) {
            throw new ProblemException(Problem.invalid(List.of(new Violation("toPosition",
                    "must not be before fromPosition"))));
        }
        return republisher.republish(request.fromPosition(), to,
                request.limit() == null ? RepublishRequest.DEFAULT_LIMIT : request.limit());
    }

    /** A range of positions to republish; {@code toPosition} defaults to the end of the store. */
    public record RepublishRequest(
            @NotNull @Min(1) Long fromPosition,
            @Min(1) Long toPosition,
            @Min(1) @Max(RepublishRequest.MAX_LIMIT) Integer limit) {
        static final int DEFAULT_LIMIT = 10_000;
        static final int MAX_LIMIT = 100_000;
    }
}
