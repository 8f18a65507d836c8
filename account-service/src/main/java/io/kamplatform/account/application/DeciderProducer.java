package io.kamplatform.account.application;

import io.kamplatform.account.domain.AccountDecider;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Wires the pure decider with the platform currency from configuration. */
public class DeciderProducer {

    @Produces
    @Singleton
    AccountDecider decider(@ConfigProperty(name = "kam.currency", defaultValue = "EUR") String platformCurrency) {
        return new AccountDecider(platformCurrency);
    }
}
