package io.kamplatform.account.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kamplatform.account.domain.AccountDecider;
import io.kamplatform.account.domain.plan.AccountPlanDecider;
import io.kamplatform.account.store.AccountEventType;
import io.kamplatform.account.store.AccountStandings;
import io.kamplatform.account.store.AccountStreams;
import io.kamplatform.kit.api.EventIntake;
import io.kamplatform.kit.api.EventReader;
import io.kamplatform.kit.json.StrictJson;
import io.kamplatform.kit.recording.EventRecorder;
import io.kamplatform.kit.recording.StreamStates;
import io.kamplatform.kit.store.EventCodec;
import io.kamplatform.kit.store.EventStore;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * account-service as a writer of the service kit: its catalogue ({@link AccountEventType#CATALOG}), its two pure
 * deciders (with the platform currency from {@code kam.currency}), its routing (account events to the account's
 * stream, plan events to the account's plan stream: {@link AccountStreams}) and {@link AccountRecording}, plugged into
 * the kit's recorder and endpoint templates. The one clock of the service,
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
    AccountPlanDecider planDecider(@ConfigProperty(name = "kam.currency", defaultValue = "EUR") String platformCurrency) {
        return new AccountPlanDecider(platformCurrency);
    }

    @Produces
    @Singleton
    EventCodec<Object> codec(ObjectMapper mapper) {
        return new EventCodec<>(mapper, AccountEventType.CATALOG);
    }

    @Produces
    @Singleton
    EventRecorder<Object> recorder(Pool pool, EventStore store, EventCodec<Object> codec, AccountStandings standings,
                                   AccountDecider decider, AccountPlanDecider planDecider, Clock clock,
                                   StreamStates streamStates) {
        return new EventRecorder<>(pool, store, codec, new AccountRecording(standings, decider, planDecider), clock,
                streamStates);
    }

    @Produces
    @Singleton
    EventIntake<Object> intake(StrictJson json, EventReader reader, EventRecorder<Object> recorder) {
        return new EventIntake<>(json, reader, AccountEventType.CATALOG, AccountStreams::of, recorder);
    }
}
