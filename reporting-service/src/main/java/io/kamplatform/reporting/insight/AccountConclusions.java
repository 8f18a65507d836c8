package io.kamplatform.reporting.insight;

import java.util.List;

/**
 * What reporting-service last concluded about one account, as recorded in {@code insight_conclusions}: its health band
 * and relationship stage (key accounts; null otherwise), its margin-pressure flags (sorted), whether it is on the
 * neglected-potential list and how many objectives of its current plan are overdue. An insight is a change of one of
 * these; scores and figures that move without changing a conclusion are not recorded.
 */
public record AccountConclusions(String band, String stage, List<String> pressureFlags, boolean neglectedPotential,
                                 int overdueObjectives) {

    /** What is concluded about an account with no history: the "before" of an account first seen after the baseline. */
    public static final AccountConclusions NOTHING = new AccountConclusions(null, null, List.of(), false, 0);

    public AccountConclusions {
        pressureFlags = pressureFlags == null ? List.of() : pressureFlags.stream().sorted().toList();
    }
}
