package io.kamplatform.account.domain;

/**
 * Facts about an account, in the past tense. The logical type name (not the Java class) is what
 * is stored and published, so classes can be renamed and old events upcast.
 */
public sealed interface AccountEvent permits
        AccountRegistered, AccountDetailsChanged, SalesPotentialAssessed, RevenueRecognized,
        RevenueCorrected, KeyAccountDesignated, KeyAccountDesignationRevoked,
        KeyAccountManagerAssigned, AccountTeamMemberJoined, AccountTeamMemberLeft {
}
