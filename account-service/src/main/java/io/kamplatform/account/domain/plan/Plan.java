package io.kamplatform.account.domain.plan;

import java.time.LocalDate;

/** One plan of an account: its terms as last published and the verdict of its last review (null before one). */
public record Plan(AccountPlanPublished terms, int reviews, ReviewOutcome lastReviewOutcome) {

    public String planId() {
        return terms.planId();
    }

    /** Whether the day lies in the plan's period (both ends included). */
    public boolean covers(LocalDate day) {
        return !day.isBefore(terms.periodStart()) && !day.isAfter(terms.periodEnd());
    }

    Plan republished(AccountPlanPublished newTerms) {
        return new Plan(newTerms, reviews, lastReviewOutcome);
    }

    Plan reviewed(ReviewOutcome outcome) {
        return new Plan(terms, reviews + 1, outcome);
    }
}
