package io.kamplatform.reporting.api;

import io.kamplatform.kit.api.Roles;
import io.kamplatform.kit.problem.Problem;
import io.kamplatform.kit.problem.ProblemException;
import io.kamplatform.kit.problem.ProblemType;
import io.kamplatform.reporting.rebuild.ReadModelRebuild;
import io.kamplatform.reporting.rebuild.RebuildProgress;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Rebuilding the read models from the topics, and its progress. */
@Path("/api/admin/read-models/rebuild")
@Tag(name = "Operations", description = "Dead-letter topics, and rebuilding the read models from the topics")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = "application/problem+json"))
@APIResponse(responseCode = "403", description = "Role kam-admin required", content = @Content(mediaType = "application/problem+json"))
@Produces(MediaType.APPLICATION_JSON)
public class ReadModelRebuildResource {

    static final ProblemType REBUILD_RUNNING = ProblemType.of("rebuild-running", "A read-model rebuild is already running", 409);

    private final ReadModelRebuild rebuild;

    public ReadModelRebuildResource(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @RolesAllowed(Roles.KAM_ADMIN)
    @Operation(summary = "Rebuild the read models", description = "Replays the three topics (and their dead letters) "
            + "from the beginning into a fresh set of read-model tables while the live ones keep answering; when the "
            + "fresh set has caught up it is switched in atomically and the live projection goes on into it. Answers at "
            + "once with the first progress; GET follows it.")
    @APIResponseSchema(value = RebuildProgress.class, responseCode = "202", responseDescription = "The rebuild started")
    @APIResponse(responseCode = "409", description = "A rebuild is already running", content = @Content(mediaType = "application/problem+json"))
    public Response start() {
        try {
            return Response.accepted(rebuild.start()).build();
        } catch (ReadModelRebuild.AlreadyRunning e) {
            throw new ProblemException(Problem.of(REBUILD_RUNNING, e.getMessage()));
        }
    }

    @GET
    @RolesAllowed(Roles.KAM_ADMIN)
    @Operation(summary = "Rebuild progress", description = "The running (or last) rebuild: state, records replayed and "
            + "skipped, records per second, lag per topic-partition, ETA, switch attempts, error.")
    @APIResponseSchema(value = RebuildProgress.class, responseCode = "200", responseDescription = "The rebuild's progress")
    public RebuildProgress progress() {
        return rebuild.progress();
    }
}
