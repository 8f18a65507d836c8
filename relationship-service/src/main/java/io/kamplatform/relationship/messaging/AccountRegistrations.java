package io.kamplatform.relationship.messaging;

import io.kamplatform.kit.messaging.BackOff;
import io.kamplatform.kit.messaging.ConsumerStalls;
import io.kamplatform.kit.messaging.InfrastructureRetry;
import io.kamplatform.relationship.store.KnownAccounts;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Follows kam.account.events and remembers every registered account, so events for accounts that
 * account-service does not know are refused. Only AccountRegistered matters here; other types, and
 * records that are not readable CloudEvents, are skipped (logged), never fatal.
 *
 * <p>A database outage must not skip a registration: the same record is retried, in order, for as long as the
 * outage lasts (capped back-off), and readiness says so meanwhile ({@link AccountRegistrationsReadiness}). Any other
 * failure fails the channel: consumption stops where it was, loudly, instead of losing the account.
 *
 * <p>A registration is learnt in the trace of the post that recorded it ({@link RegistrationTracing}).
 */
@ApplicationScoped
public class AccountRegistrations {

    private static final Logger LOG = Logger.getLogger(AccountRegistrations.class);
    static final String REGISTERED = "AccountRegistered";
    private static final BackOff BACK_OFF = new BackOff(Duration.ofMillis(200), Duration.ofSeconds(10), 0.5);

    private final KnownAccounts knownAccounts;
    private final ConsumerStalls stalls;
    private final RegistrationTracing tracing;

    public AccountRegistrations(KnownAccounts knownAccounts, ConsumerStalls stalls, RegistrationTracing tracing) {
        this.knownAccounts = knownAccounts;
        this.stalls = stalls;
        this.tracing = tracing;
    }

    @Incoming("account-events")
    public Uni<Void> onAccountEvent(ConsumerRecord<String, String> record) {
        if (!REGISTERED.equals(header(record, "ce_type"))) {
            return Uni.createFrom().voidItem();
        }
        String accountId = record.key();
        JsonObject data;
        try {
            data = new JsonObject(record.value());
        } catch (RuntimeException e) {
            LOG.warnf("skipping unreadable AccountRegistered at %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return Uni.createFrom().voidItem();
        }
        if (accountId == null || accountId.isBlank()) {
            LOG.warnf("skipping AccountRegistered without key at %s-%d@%d", record.topic(), record.partition(), record.offset());
            return Uni.createFrom().voidItem();
        }
        String time = header(record, "ce_time");
        OffsetDateTime registeredAt = time == null ? null : OffsetDateTime.parse(time);
        String eventId = header(record, "ce_id") != null ? header(record, "ce_id")
                : record.topic() + "-" + record.partition() + "@" + record.offset();
        return tracing.traced(record, accountId, () -> InfrastructureRetry.untilAvailable(() -> knownAccounts.remember(
                        accountId, data.getString("name"), data.getString("parentAccountId"), eventId, registeredAt),
                        BACK_OFF, stalls.listenerFor(record)))
                .replaceWithVoid();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
