package io.kamplatform.relationship.messaging;

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
 */
@ApplicationScoped
public class AccountRegistrations {

    private static final Logger LOG = Logger.getLogger(AccountRegistrations.class);
    static final String REGISTERED = "AccountRegistered";

    private final KnownAccounts knownAccounts;

    public AccountRegistrations(KnownAccounts knownAccounts) {
        this.knownAccounts = knownAccounts;
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
        // A database outage must not skip a registration: retry, and fail the channel (readiness DOWN) if it persists.
        return knownAccounts.remember(accountId, data.getString("name"), data.getString("parentAccountId"), eventId,
                        registeredAt)
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(10)
                .replaceWithVoid();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
