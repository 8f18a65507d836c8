package io.kamplatform.reporting.webhook;

import io.kamplatform.kit.api.Roles;
import io.kamplatform.kit.json.StrictJson;
import io.kamplatform.kit.problem.Problem;
import io.kamplatform.kit.problem.ProblemException;
import io.kamplatform.kit.problem.ProblemType;
import io.kamplatform.kit.problem.Violation;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** kam-admin manages webhook subscriptions, reads their delivery logs and re-drives dead-lettered deliveries. */
@Path("/api/admin/webhooks")
@Tag(name = "Webhooks", description = "Insights pushed to integrations: subscriptions, the delivery log, re-drive (README \"Webhooks\")")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "400", description = "Invalid input, per-field violations", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "403", description = "Role kam-admin required", content = @Content(mediaType = Problem.MEDIA_TYPE))
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    static final int MAX_SUBSCRIPTIONS = 1000;
    static final int MAX_LIMIT = 500;
    static final Set<String> STATUSES = Set.of("PENDING", "DELIVERED", "DEAD");
    static final ProblemType TOO_MANY = ProblemType.of("too-many-webhooks", "Too many webhook subscriptions", 409);
    static final ProblemType NOT_DEAD = ProblemType.of("delivery-not-dead-lettered", "The delivery is not dead-lettered", 409);
    static final ProblemType NOT_CONFIGURED = ProblemType.of("webhooks-not-configured", "Webhooks are not configured", 503);

    private final WebhookStore store;
    private final SecretBox secrets;
    private final StrictJson json;
    private final TargetPolicy policy;
    private final DeliveryWorker worker;
    private final InsightReader reader;

    public WebhookResource(WebhookStore store, SecretBox secrets, StrictJson json, WebhookConfig config, DeliveryWorker worker,
                           InsightReader reader) {
        this.reader = reader;
        this.store = store;
        this.secrets = secrets;
        this.json = json;
        this.policy = new TargetPolicy(config.allowLocalhost());
        this.worker = worker;
    }

    @POST
    @RolesAllowed(Roles.KAM_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a webhook subscription", description = "Insights published from now on that match "
            + "the subscription's types and filters are delivered to its URL, signed with its secret. The secret is "
            + "returned in this answer only (generated when none is given).")
    @APIResponseSchema(value = WebhookApi.Created.class, responseCode = "201", responseDescription = "Created; Location names it")
    @APIResponse(responseCode = "409", description = "The limit of " + MAX_SUBSCRIPTIONS + " subscriptions is reached",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "No encryption key is configured for secrets", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> create(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WebhookApi.SubscriptionRequest.class))) byte[] body) {
        WebhookApi.SubscriptionRequest request = valid(body);
        requireKey();
        UUID id = UUID.randomUUID();
        String secret = request.secret() != null ? request.secret() : SecretBox.generate();
        Subscription subscription = subscription(id, request);
        return store.count().chain(count -> {
            if (count >= MAX_SUBSCRIPTIONS) {
                throw new ProblemException(Problem.of(TOO_MANY, "at most " + MAX_SUBSCRIPTIONS + " subscriptions; delete unused ones"));
            }
            return store.create(subscription, secrets.encrypt(secret, id.toString()));
        }).map(created -> Response.created(URI.create("/api/admin/webhooks/" + id))
                .entity(new WebhookApi.Created(WebhookApi.SubscriptionView.of(created), secret)).build());
    }

    @GET
    @RolesAllowed(Roles.KAM_ADMIN)
    @Operation(summary = "Webhook subscriptions", description = "Every subscription, oldest first, without secrets.")
    @APIResponseSchema(value = WebhookApi.Subscriptions.class, responseCode = "200", responseDescription = "The subscriptions")
    public Uni<WebhookApi.Subscriptions> list() {
        return store.list(MAX_SUBSCRIPTIONS).map(list -> new WebhookApi.Subscriptions(
                list.stream().map(WebhookApi.SubscriptionView::of).toList()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.KAM_ADMIN)
    @Operation(summary = "A webhook subscription", description = "The subscription, without its secret.")
    @APIResponseSchema(value = WebhookApi.SubscriptionView.class, responseCode = "200", responseDescription = "The subscription")
    @APIResponse(responseCode = "404", description = "No such subscription", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<WebhookApi.SubscriptionView> get(@Parameter(description = "Subscription id") @PathParam("id") String id) {
        return store.find(uuid(id)).map(found -> WebhookApi.SubscriptionView.of(found.orElseThrow(() -> notFound(id))));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.KAM_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a webhook subscription", description = "Replaces URL, description, types, filters and "
            + "enabled; the secret too when one is given (receivers must accept the new one from then on). Deliveries "
            + "already queued are sent to the new URL.")
    @APIResponseSchema(value = WebhookApi.SubscriptionView.class, responseCode = "200", responseDescription = "The subscription now")
    @APIResponse(responseCode = "404", description = "No such subscription", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "No encryption key is configured for secrets", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<WebhookApi.SubscriptionView> update(@Parameter(description = "Subscription id") @PathParam("id") String id,
                                                   @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                                           schema = @Schema(implementation = WebhookApi.SubscriptionRequest.class))) byte[] body) {
        UUID uuid = uuid(id);
        WebhookApi.SubscriptionRequest request = valid(body);
        String encrypted = null;
        if (request.secret() != null) {
            requireKey();
            encrypted = secrets.encrypt(request.secret(), uuid.toString());
        }
        return store.update(subscription(uuid, request), encrypted)
                .map(updated -> WebhookApi.SubscriptionView.of(updated.orElseThrow(() -> notFound(id))))
                .invoke(worker::wake);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.KAM_ADMIN)
    @Operation(summary = "Delete a webhook subscription", description = "Deletes it with its deliveries and their log; nothing more is sent.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such subscription", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> delete(@Parameter(description = "Subscription id") @PathParam("id") String id) {
        return store.delete(uuid(id)).map(deleted -> {
            if (!deleted) {
                throw notFound(id);
            }
            return Response.noContent().build();
        });
    }

    @GET
    @Path("/{id}/deliveries")
    @RolesAllowed(Roles.KAM_ADMIN)
    @Operation(summary = "Delivery log", description = "The subscription's deliveries, newest first, each with its "
            + "status and every attempt (time, duration, HTTP status or error).")
    @APIResponseSchema(value = WebhookApi.DeliveryLog.class, responseCode = "200", responseDescription = "A page of the log")
    @APIResponse(responseCode = "404", description = "No such subscription", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<WebhookApi.DeliveryLog> deliveries(
            @Parameter(description = "Subscription id") @PathParam("id") String id,
            @Parameter(description = "Only deliveries in this status: PENDING, DELIVERED or DEAD") @QueryParam("status") String status,
            @Parameter(description = "Deliveries per page, 1-" + MAX_LIMIT) @QueryParam("limit") @DefaultValue("50") int limit,
            @Parameter(description = "Deliveries to skip, 0-100000") @QueryParam("offset") @DefaultValue("0") int offset) {
        UUID uuid = uuid(id);
        List<Violation> violations = new java.util.ArrayList<>();
        if (status != null && !STATUSES.contains(status)) {
            violations.add(new Violation("status", "must be one of PENDING, DELIVERED, DEAD"));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            violations.add(new Violation("limit", "must be between 1 and " + MAX_LIMIT));
        }
        if (offset < 0 || offset > 100_000) {
            violations.add(new Violation("offset", "must be between 0 and 100000"));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid(violations));
        }
        return existing(uuid, id).chain(() -> store.deliveries(uuid, status, limit, offset))
                .map(list -> new WebhookApi.DeliveryLog(list.stream().map(WebhookApi.DeliveryView::of).toList(), limit, offset));
    }

    @POST
    @Path("/{id}/redrive")
    @RolesAllowed(Roles.KAM_ADMIN)
    @Operation(summary = "Re-drive dead-lettered deliveries", description = "Puts every dead-lettered delivery of the "
            + "subscription back in its queue with a fresh set of attempts; they are sent in their original order.")
    @APIResponseSchema(value = WebhookApi.Redriven.class, responseCode = "200", responseDescription = "How many were re-queued")
    @APIResponse(responseCode = "404", description = "No such subscription", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<WebhookApi.Redriven> redrive(@Parameter(description = "Subscription id") @PathParam("id") String id) {
        UUID uuid = uuid(id);
        return existing(uuid, id).chain(() -> store.redrive(uuid, null)).map(WebhookApi.Redriven::new).invoke(worker::wake);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redrive")
    @RolesAllowed(Roles.KAM_ADMIN)
    @Operation(summary = "Re-drive one dead-lettered delivery", description = "Puts the delivery back in its queue with a fresh set of attempts.")
    @APIResponseSchema(value = WebhookApi.Redriven.class, responseCode = "200", responseDescription = "Re-queued (requeued = 1)")
    @APIResponse(responseCode = "404", description = "No such subscription or delivery", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The delivery is not dead-lettered", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<WebhookApi.Redriven> redriveOne(@Parameter(description = "Subscription id") @PathParam("id") String id,
                                               @Parameter(description = "Delivery id") @PathParam("deliveryId") String deliveryId) {
        UUID uuid = uuid(id);
        UUID delivery = uuid(deliveryId);
        return store.statusOf(uuid, delivery).chain(status -> {
            if (status.isEmpty()) {
                throw new ProblemException(Problem.of(ProblemType.NOT_FOUND, "no delivery " + deliveryId + " of webhook subscription " + id));
            }
            if (!status.get().equals("DEAD")) {
                throw new ProblemException(Problem.of(NOT_DEAD, "delivery " + deliveryId + " is " + status.get()));
            }
            return store.redrive(uuid, delivery);
        }).map(WebhookApi.Redriven::new).invoke(worker::wake);
    }

    @POST
    @Path("/{id}/ping")
    @RolesAllowed(Roles.KAM_ADMIN)
    @Operation(summary = "Send a test ping", description = "Queues a `WebhookPing` CloudEvent for the subscription (its "
            + "own queue, `ping`), signed and retried like any delivery, so a receiver can be checked end to end; the "
            + "delivery log shows how it went.")
    @APIResponseSchema(value = WebhookApi.Ping.class, responseCode = "202", responseDescription = "Queued")
    @APIResponse(responseCode = "404", description = "No such subscription", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> ping(@Parameter(description = "Subscription id") @PathParam("id") String id) {
        UUID uuid = uuid(id);
        Insight ping = reader.ping(uuid);
        return existing(uuid, id)
                .chain(() -> store.enqueue(List.of(new WebhookStore.NewDelivery(uuid, ping, reader.body(ping)))))
                .chain(() -> store.deliveryOf(uuid, ping.id()))
                .invoke(worker::wake)
                .map(deliveryId -> Response.accepted(new WebhookApi.Ping(deliveryId, ping.id())).build());
    }

    private WebhookApi.SubscriptionRequest valid(byte[] body) {
        WebhookApi.SubscriptionRequest request = json.read(body, WebhookApi.SubscriptionRequest.class);
        List<Violation> violations = SubscriptionRules.check(request, policy);
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid(violations));
        }
        return request;
    }

    private void requireKey() {
        if (!secrets.configured()) {
            throw new ProblemException(Problem.of(NOT_CONFIGURED, new SecretBox.NotConfigured().getMessage()));
        }
    }

    private static Subscription subscription(UUID id, WebhookApi.SubscriptionRequest r) {
        WebhookApi.Filters f = r.filters() == null ? new WebhookApi.Filters(null, null, null) : r.filters();
        return new Subscription(id, r.url(), r.description(), SubscriptionRules.distinct(r.eventTypes()),
                SubscriptionRules.distinct(f.accountIds()), SubscriptionRules.distinct(f.managerIds()),
                SubscriptionRules.distinct(f.bands()), r.enabled() == null || r.enabled(), null, null);
    }

    private Uni<Void> existing(UUID uuid, String id) {
        return store.find(uuid).map(found -> {
            if (found.isEmpty()) {
                throw notFound(id);
            }
            return null;
        }).replaceWithVoid();
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound(id);
        }
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(Problem.of(ProblemType.NOT_FOUND, "no webhook subscription or delivery " + id));
    }
}
