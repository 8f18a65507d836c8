package io.kamplatform.account.domain.plan;

/** The reviewers' verdict on a plan. */
public enum ReviewOutcome {
    ON_TRACK, AT_RISK, OFF_TRACK
}
