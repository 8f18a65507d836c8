package io.kamplatform.reporting.domain.facts;

import java.util.EnumSet;
import java.util.Set;

/** Roles in the buyer's decision-making unit (DMU); one contact may hold several. */
public enum BuyingRole {
    DECIDER, INFLUENCER, BUYER, USER, GATEKEEPER, SPONSOR;

    /** The five classic DMU roles health counts; SPONSOR is a bonus the DMU map shows but coverage does not require. */
    public static final Set<BuyingRole> CORE = Set.copyOf(EnumSet.of(DECIDER, INFLUENCER, BUYER, USER, GATEKEEPER));
}
