package io.kamplatform.relationship.application;

import io.kamplatform.relationship.domain.contract.ContractDecider;
import io.kamplatform.relationship.domain.relationship.RelationshipDecider;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Wires the pure deciders and the clock. */
public class Producers {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    RelationshipDecider relationshipDecider() {
        return new RelationshipDecider();
    }

    @Produces
    @Singleton
    ContractDecider contractDecider(@ConfigProperty(name = "kam.currency", defaultValue = "EUR") String platformCurrency) {
        return new ContractDecider(platformCurrency);
    }
}
