package io.kamplatform.reporting.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The admin API's documents (/api/admin/webhooks). */
public final class WebhookApi {

    private WebhookApi() {
    }

    @Schema(name = "WebhookFilters", description = "Each non-empty list narrows the insights sent; empty or absent lists do not filter.")
    public record Filters(
            @Schema(description = "Only insights about these accounts (portfolio-wide insights have no account and are then excluded); at most 100")
            List<String> accountIds,
            @Schema(description = "Only insights whose managerId is one of these; at most 100")
            List<String> managerIds,
            @Schema(description = "Only insights whose band is one of these: GREEN, AMBER, RED")
            List<String> bands) {
    }

    @Schema(name = "WebhookSubscriptionRequest", description = "What to send where. On update the whole subscription is "
            + "replaced; the secret only when one is given.")
    public record SubscriptionRequest(
            @Schema(description = "Target: an absolute https URL (plain http only to localhost where allowed), no "
                    + "credentials, no fragment, at most 2048 characters; never link-local or a cloud metadata address",
                    required = true, example = "https://hooks.example.com/kam")
            String url,
            @Schema(description = "Free text for operators, at most 200 characters") String description,
            @Schema(description = "Insight types to send; empty or absent: all. Types: HealthBandChanged, StageChanged, "
                    + "MajorCustomerThresholdCrossed, ConcentrationLevelChanged, MarginPressureFlagRaised, "
                    + "MarginPressureFlagCleared, NeglectedPotentialDetected, PlanObjectiveOverdue")
            List<String> eventTypes,
            Filters filters,
            @Schema(description = "The signing secret, 24-256 characters. On create, absent: one is generated and "
                    + "returned once. On update, absent: unchanged. Never returned by GET.")
            String secret,
            @Schema(description = "false pauses deliveries (they queue up and are sent when enabled again); default true")
            Boolean enabled) {

        @Override
        public String toString() {
            return "SubscriptionRequest[url=" + url + ", eventTypes=" + eventTypes + ", filters=" + filters
                    + ", secret=" + (secret == null ? "absent" : "***") + ", enabled=" + enabled + "]";
        }
    }

    @Schema(name = "WebhookSubscription", description = "A webhook subscription (its secret is never shown again)")
    public record SubscriptionView(UUID id, String url, String description, List<String> eventTypes, Filters filters,
                                   boolean enabled, Instant createdAt, Instant updatedAt) {

        static SubscriptionView of(Subscription s) {
            return new SubscriptionView(s.id(), s.url(), s.description(), s.eventTypes(),
                    new Filters(s.accountIds(), s.managerIds(), s.bands()), s.enabled(), s.createdAt(), s.updatedAt());
        }
    }

    @Schema(name = "WebhookSubscriptionCreated", description = "The new subscription and its signing secret, shown this once")
    public record Created(SubscriptionView subscription,
                          @Schema(description = "Verify each delivery's KAM-Signature with it (README \"Webhooks\")") String secret) {
    }

    @Schema(name = "WebhookSubscriptions", description = "Every subscription, oldest first")
    public record Subscriptions(List<SubscriptionView> subscriptions) {
    }

    @Schema(name = "WebhookAttempt", description = "One attempt to deliver")
    public record AttemptView(int attempt, Instant attemptedAt, long durationMs,
                              @Schema(description = "The receiver's HTTP status; absent when there was no answer") Integer statusCode,
                              @Schema(description = "Why the attempt failed without a status, or a note on it") String error) {
    }

    @Schema(name = "WebhookDelivery", description = "One insight's delivery to the subscription")
    public record DeliveryView(UUID id,
                               @Schema(description = "The insight's id (its CloudEvent id)") String insightId,
                               String insightType,
                               @Schema(description = "The queue it is sent in: the account id, or portfolio") String orderingKey,
                               @Schema(enumeration = {"PENDING", "DELIVERED", "DEAD"}) String status,
                               @Schema(description = "Failed attempts since it was (re)queued") int attempts,
                               Instant createdAt,
                               @Schema(description = "When it is tried next (pending only)") Instant nextAttemptAt,
                               Instant deliveredAt, Instant deadLetteredAt, List<AttemptView> log) {

        static DeliveryView of(WebhookStore.Delivery d) {
            return new DeliveryView(d.id(), d.insightId(), d.insightType(), d.orderingKey(), d.status(), d.attempts(),
                    d.createdAt(), d.nextAttemptAt(), d.deliveredAt(), d.deadAt(), d.log().stream()
                    .map(a -> new AttemptView(a.attempt(), a.attemptedAt(), a.durationMs(), a.statusCode(), a.error())).toList());
        }
    }

    @Schema(name = "WebhookDeliveryLog", description = "A page of the subscription's deliveries, newest first")
    public record DeliveryLog(List<DeliveryView> deliveries, int limit, int offset) {
    }

    @Schema(name = "WebhookPing", description = "The queued test delivery")
    public record Ping(@Schema(description = "Its id in the delivery log and the KAM-Delivery-Id header") UUID deliveryId,
                       @Schema(description = "The CloudEvent id") String eventId) {
    }

    @Schema(name = "WebhookRedrive", description = "How many dead-lettered deliveries were put back in their queues")
    public record Redriven(int requeued) {
    }
}
