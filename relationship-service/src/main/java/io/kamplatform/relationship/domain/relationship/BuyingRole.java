package io.kamplatform.relationship.domain.relationship;

/** The roles people play in the buyer's decision-making unit (DMU); one contact may hold several. */
public enum BuyingRole {
    DECIDER, INFLUENCER, BUYER, USER, GATEKEEPER, SPONSOR
}
