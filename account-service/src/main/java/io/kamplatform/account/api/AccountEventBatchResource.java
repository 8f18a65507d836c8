package io.kamplatform.account.api;

import io.kamplatform.kit.api.BatchResult;
import io.kamplatform.kit.problem.Problem;
import io.kamplatform.kit.api.Roles;
import io.kamplatform.kit.api.EventIntake;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Bulk loads from CRM exports: up to 1000 events (2 MiB) per request, decided in order in one
 * transaction. Each item gets its own result; an invalid or refused item does not stop the others.
 */
@Path("/api/account-events/batch")
@Tag(name = "Account events", description = "Facts about accounts posted by CRM integrations: one at a time or in batches, idempotent by event id")
@SecurityRequirement(name = "jwt")
public class AccountEventBatchResource {

    private final EventIntake<Object> intake;

    public AccountEventBatchResource(EventIntake<Object> intake) {
        this.intake = intake;
    }

    @POST
    @RolesAllowed({Roles.CRM_WRITER, Roles.KAM_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a batch of account events",
            description = "At most 1000 items and 2 MiB. Items are decided in order, so an item may build on an "
                    + "earlier one (register, then designate). Results: RECORDED, DUPLICATE (same eventId and body "
                    + "recorded before; nothing appended) or REJECTED with an RFC 9457 problem.")
    @APIResponse(responseCode = "200", description = "One result per item",
            content = @Content(schema = @Schema(implementation = BatchResult.class)))
    @APIResponse(responseCode = "400", description = "The batch itself is malformed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Role crm-writer required", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "413", description = "Body over 2 MiB", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<BatchResult> record(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AccountEventBatch.class))) byte[] body) {
        return intake.recordBatch(body);
    }

}
