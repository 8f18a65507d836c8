package io.kamplatform.account.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kamplatform.account.domain.AccountDecider;
import io.kamplatform.account.domain.AccountEvent;
import io.kamplatform.account.store.AccountEventType;
import io.kamplatform.kit.api.EventIntake;
import io.kamplatform.kit.api.EventReader;
import io.kamplatform.kit.json.StrictJson;
import io.kamplatform.kit.recording.EventRecorder;
import io.kamplatform.kit.store.EventCodec;
import io.kamplatform.kit.store.EventStore;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * account-service as a writer of the service kit: its catalogue ({@link AccountEventType#CATALOG}), its pure decider
 * (with the platform currency from {@code kam.currency}), its routing (every event to its account's stream) and
 * {@link AccountRecording}, plugged into the kit's recorder and endpoint templates. The one clock of the service,
 * replaceable in tests, is produced here too.
 */
public class AccountWriter {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    AccountDecider decider(@ConfigProperty(name = "kam.currency", defaultValue = "EUR") String platformCurrency) {
        return new AccountDecider(platformCurrency);
    }

    @Produces
    @Singleton
    EventCodec<AccountEvent> codec(ObjectMapper mapper) {
        return new EventCodec<>(mapper, AccountEventType.CATALOG);
    }

    @Produces
    @Singleton
    EventRecorder<AccountEvent> recorder(Pool pool, EventStore store, EventCodec<AccountEvent> codec,
                                         AccountDecider decider, Clock clock) {
        return new EventRecorder<>(pool, store, codec, new AccountRecording(store, decider), clock);
    }

    @Produces
    @Singleton
    EventIntake<AccountEvent> intake(StrictJson json, EventReader reader, EventRecorder<AccountEvent> recorder) {
        return new EventIntake<>(json, reader, AccountEventType.CATALOG, (accountId, event) -> accountId, recorder);
    }
}
