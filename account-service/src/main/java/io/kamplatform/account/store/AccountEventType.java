package io.kamplatform.account.store;

import io.kamplatform.account.domain.AccountDetailsChanged;
import io.kamplatform.account.domain.AccountRegistered;
import io.kamplatform.account.domain.AccountTeamMemberJoined;
import io.kamplatform.account.domain.AccountTeamMemberLeft;
import io.kamplatform.account.domain.KeyAccountDesignated;
import io.kamplatform.account.domain.KeyAccountDesignationRevoked;
import io.kamplatform.account.domain.KeyAccountManagerAssigned;
import io.kamplatform.account.domain.RevenueCorrected;
import io.kamplatform.account.domain.RevenueRecognized;
import io.kamplatform.account.domain.SalesPotentialAssessed;
import io.kamplatform.account.domain.plan.AccountPlanPublished;
import io.kamplatform.account.domain.plan.ActionCompleted;
import io.kamplatform.account.domain.plan.ActionPlanned;
import io.kamplatform.account.domain.plan.ObjectiveAchieved;
import io.kamplatform.account.domain.plan.ObjectiveDropped;
import io.kamplatform.account.domain.plan.ObjectiveMissed;
import io.kamplatform.account.domain.plan.ObjectiveProgressReported;
import io.kamplatform.account.domain.plan.ObjectiveSet;
import io.kamplatform.account.domain.plan.PlanReviewed;
import io.kamplatform.kit.store.EventCatalog;
import io.kamplatform.kit.store.EventType;
import java.util.List;

/**
 * The published contract of each event of account-service: its logical type name (what is stored, sent as
 * {@code ce_type} and named in the JSON Schema) and the current schema version. Java class names
 * never leave the service. Two aggregates share the catalogue, the topic and the schema folder: the account
 * ({@code AccountEvent}s) and the account's plans ({@code PlanEvent}s, see {@link AccountStreams}).
 * {@link #CATALOG} is what the API, the store and the recorder look types up in.
 */
public enum AccountEventType implements EventType<Object> {
    ACCOUNT_REGISTERED("AccountRegistered", AccountRegistered.class),
    ACCOUNT_DETAILS_CHANGED("AccountDetailsChanged", AccountDetailsChanged.class),
    SALES_POTENTIAL_ASSESSED("SalesPotentialAssessed", SalesPotentialAssessed.class),
    REVENUE_RECOGNIZED("RevenueRecognized", RevenueRecognized.class),
    REVENUE_CORRECTED("RevenueCorrected", RevenueCorrected.class),
    KEY_ACCOUNT_DESIGNATED("KeyAccountDesignated", KeyAccountDesignated.class),
    KEY_ACCOUNT_DESIGNATION_REVOKED("KeyAccountDesignationRevoked", KeyAccountDesignationRevoked.class),
    KEY_ACCOUNT_MANAGER_ASSIGNED("KeyAccountManagerAssigned", KeyAccountManagerAssigned.class),
    ACCOUNT_TEAM_MEMBER_JOINED("AccountTeamMemberJoined", AccountTeamMemberJoined.class),
    ACCOUNT_TEAM_MEMBER_LEFT("AccountTeamMemberLeft", AccountTeamMemberLeft.class),
    ACCOUNT_PLAN_PUBLISHED("AccountPlanPublished", AccountPlanPublished.class),
    OBJECTIVE_SET("ObjectiveSet", ObjectiveSet.class),
    OBJECTIVE_PROGRESS_REPORTED("ObjectiveProgressReported", ObjectiveProgressReported.class),
    OBJECTIVE_ACHIEVED("ObjectiveAchieved", ObjectiveAchieved.class),
    OBJECTIVE_MISSED("ObjectiveMissed", ObjectiveMissed.class),
    OBJECTIVE_DROPPED("ObjectiveDropped", ObjectiveDropped.class),
    ACTION_PLANNED("ActionPlanned", ActionPlanned.class),
    ACTION_COMPLETED("ActionCompleted", ActionCompleted.class),
    PLAN_REVIEWED("PlanReviewed", PlanReviewed.class);

    /** Bumped together with the JSON Schema; older stored versions are upcast on read. */
    public static final int CURRENT_SCHEMA_VERSION = 1;

    /** The account and plan event types by logical name, at the current schema version. */
    public static final EventCatalog<Object, AccountEventType> CATALOG =
            new EventCatalog<>(CURRENT_SCHEMA_VERSION, List.of(values()));

    private final String typeName;
    private final Class<?> eventClass;

    AccountEventType(String typeName, Class<?> eventClass) {
        this.typeName = typeName;
        this.eventClass = eventClass;
    }

    @Override
    public String typeName() {
        return typeName;
    }

    @Override
    public Class<?> eventClass() {
        return eventClass;
    }
}
