package io.kamplatform.reporting.api;

import io.kamplatform.kit.api.Roles;
import io.kamplatform.kit.problem.Problem;
import io.kamplatform.kit.problem.ProblemException;
import io.kamplatform.kit.problem.ProblemType;
import io.kamplatform.kit.problem.Violation;
import io.kamplatform.reporting.deadletter.DeadLetter;
import io.kamplatform.reporting.deadletter.DeadLetterReader;
import io.kamplatform.reporting.deadletter.DeadLetterReplay;
import io.kamplatform.reporting.deadletter.DeadLetterTopics;
import io.kamplatform.reporting.deadletter.ReplayReport;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Operators' view of the dead-letter topics, and the replay that projects their records again after a fix. Kafka
 * keeps dead letters; deduplication on (source, event id) makes replaying them again harmless.
 */
@Path("/api/admin/dead-letters")
@Tag(name = "Operations", description = "Dead-letter topics: what is on them and why, and replaying them through the projection")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "400", description = "Invalid parameter, e.g. an unknown dead-letter topic", content = @Content(mediaType = "application/problem+json"))
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = "application/problem+json"))
@APIResponse(responseCode = "403", description = "Role kam-admin required", content = @Content(mediaType = "application/problem+json"))
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    static final int MAX_LIMIT = 1000;

    /** One dead-letter topic: how many records it holds and the first {@code records.size()} of them. */
    public record DeadLetterTopic(String topic, String sourceTopic, long count, List<DeadLetter> records, boolean truncated) {
    }

    /** Every dead-letter topic asked for. */
    public record DeadLetters(List<DeadLetterTopic> topics) {
    }

    static final ProblemType REPLAY_RUNNING = ProblemType.of("replay-running", "A dead-letter replay is already running", 409);
    static final ProblemType UNAVAILABLE = ProblemType.of("projection-unavailable", "The projection database is unavailable", 503);

    private final DeadLetterTopics topics;
    private final DeadLetterReader reader;
    private final DeadLetterReplay replay;

    public DeadLetterResource(DeadLetterTopics topics, DeadLetterReader reader, DeadLetterReplay replay) {
        this.topics = topics;
        this.reader = reader;
        this.replay = replay;
    }

    @GET
    @Blocking
    @RolesAllowed(Roles.KAM_ADMIN)
    @Operation(summary = "Dead letters", description = "Per dead-letter topic (or the one asked for): how many records it "
            + "holds, and the first `limit` of them with their event id, source, type, original topic/partition/offset "
            + "and the reason they were dead-lettered.")
    @APIResponseSchema(value = DeadLetters.class, responseCode = "200", responseDescription = "The dead-letter topics now")
    public DeadLetters list(@Parameter(description = "One dead-letter topic, e.g. kam.account.events.dlq; default all")
                            @QueryParam("topic") String topic,
                            @Parameter(description = "Records listed per topic, 1-" + MAX_LIMIT)
                            @QueryParam("limit") @DefaultValue("100") int limit) {
        requireKnown(topic);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ProblemException(Problem.invalid(List.of(new Violation("limit", "must be between 1 and " + MAX_LIMIT))));
        }
        List<DeadLetterTopic> listed = new ArrayList<>();
        for (String t : selected(topic)) {
            DeadLetterReader.Snapshot snapshot = reader.read(t, limit);
            listed.add(new DeadLetterTopic(t, topics.sourceTopicOf(t).orElseThrow(), snapshot.count(),
                    snapshot.records().stream().map(DeadLetter::of).toList(), snapshot.truncated()));
        }
        return new DeadLetters(listed);
    }

    @POST
    @Path("/replay")
    @Blocking
    @RolesAllowed(Roles.KAM_ADMIN)
    @Operation(summary = "Replay dead letters", description = "Projects every dead letter present when the call starts "
            + "(of one topic, or all) through the consumers' projection path, and answers per topic how many were "
            + "replayed, were already projected, hit a reused stream version, or still fail (with partition, offset and "
            + "reason). Records stay on the topic; replaying again is harmless.")
    @APIResponseSchema(value = ReplayReport.class, responseCode = "200", responseDescription = "What the replay did")
    @APIResponse(responseCode = "409", description = "A replay is already running", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "503", description = "The database is unavailable; the replay stopped", content = @Content(mediaType = "application/problem+json"))
    public ReplayReport replay(@Parameter(description = "One dead-letter topic; default all") @QueryParam("topic") String topic) {
        requireKnown(topic);
        try {
            return replay.replay(topic);
        } catch (DeadLetterReplay.AlreadyRunning e) {
            throw new ProblemException(Problem.of(REPLAY_RUNNING, e.getMessage()));
        } catch (DeadLetterReplay.InfrastructureUnavailable e) {
            throw new ProblemException(Problem.of(UNAVAILABLE, e.getMessage()));
        }
    }

    private void requireKnown(String topic) {
        if (topic != null && !topics.isDeadLetterTopic(topic)) {
            throw new ProblemException(Problem.invalid(List.of(new Violation("topic", "must be one of "
                    + StreamSupport.stream(topics.all().spliterator(), false).toList()))));
        }
    }

    private Iterable<String> selected(String topic) {
        return topic == null ? topics.all() : List.of(topic);
    }
}
