package io.kamplatform.account.contract;

import io.kamplatform.account.store.AccountEventType;
import io.kamplatform.kit.testing.contract.PublishedEvents;

/**
 * The published events of account-service as its contract tests see them: the data of the CloudEvents on
 * {@code kam.account.events}, their JSON Schemas served at {@code /schemas/account-events/v1/<TypeName>.json}, the
 * AsyncAPI headers, and the golden samples ({@link AccountEventSamples}). Tests that read real Kafka records validate
 * through it:
 * <pre>{@code
 * assertThat(AccountEvents.PUBLISHED.validate(ceType, record.value())).isEmpty();
 * }</pre>
 */
public final class AccountEvents {

    public static final PublishedEvents<Object, AccountEventType> PUBLISHED = new PublishedEvents<>(
            "account-service", AccountEventType.CATALOG, type -> "account-events", type -> "kam.account.events",
            AccountEventSamples::golden);

    private AccountEvents() {
    }
}
