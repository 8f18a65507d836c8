package io.kamplatform.account.store;

import io.kamplatform.account.domain.AccountDetailsChanged;
import io.kamplatform.account.domain.AccountEvent;
import io.kamplatform.account.domain.AccountRegistered;
import io.kamplatform.account.domain.AccountTeamMemberJoined;
import io.kamplatform.account.domain.AccountTeamMemberLeft;
import io.kamplatform.account.domain.KeyAccountDesignated;
import io.kamplatform.account.domain.KeyAccountDesignationRevoked;
import io.kamplatform.account.domain.KeyAccountManagerAssigned;
import io.kamplatform.account.domain.RevenueCorrected;
import io.kamplatform.account.domain.RevenueRecognized;
import io.kamplatform.account.domain.SalesPotentialAssessed;
import io.kamplatform.kit.store.EventCatalog;
import io.kamplatform.kit.store.EventType;
import java.util.List;

/**
 * The published contract of each account event: its logical type name (what is stored, sent as
 * {@code ce_type} and named in the JSON Schema) and the current schema version. Java class names
 * never leave the service. {@link #CATALOG} is what the API, the store and the recorder look types up in.
 */
public enum AccountEventType implements EventType<AccountEvent> {
    ACCOUNT_REGISTERED("AccountRegistered", AccountRegistered.class),
    ACCOUNT_DETAILS_CHANGED("AccountDetailsChanged", AccountDetailsChanged.class),
    SALES_POTENTIAL_ASSESSED("SalesPotentialAssessed", SalesPotentialAssessed.class),
    REVENUE_RECOGNIZED("RevenueRecognized", RevenueRecognized.class),
    REVENUE_CORRECTED("RevenueCorrected", RevenueCorrected.class),
    KEY_ACCOUNT_DESIGNATED("KeyAccountDesignated", KeyAccountDesignated.class),
    KEY_ACCOUNT_DESIGNATION_REVOKED("KeyAccountDesignationRevoked", KeyAccountDesignationRevoked.class),
    KEY_ACCOUNT_MANAGER_ASSIGNED("KeyAccountManagerAssigned", KeyAccountManagerAssigned.class),
    ACCOUNT_TEAM_MEMBER_JOINED("AccountTeamMemberJoined", AccountTeamMemberJoined.class),
    ACCOUNT_TEAM_MEMBER_LEFT("AccountTeamMemberLeft", AccountTeamMemberLeft.class);

    /** Bumped together with the JSON Schema; older stored versions are upcast on read. */
    public static final int CURRENT_SCHEMA_VERSION = 1;

    /** The account event types by logical name, at the current schema version. */
    public static final EventCatalog<AccountEvent, AccountEventType> CATALOG =
            new EventCatalog<>(CURRENT_SCHEMA_VERSION, List.of(values()));

    private final String typeName;
    private final Class<? extends AccountEvent> eventClass;

    AccountEventType(String typeName, Class<? extends AccountEvent> eventClass) {
        this.typeName = typeName;
        this.eventClass = eventClass;
    }

    @Override
    public String typeName() {
        return typeName;
    }

    @Override
    public Class<? extends AccountEvent> eventClass() {
        return eventClass;
    }
}
