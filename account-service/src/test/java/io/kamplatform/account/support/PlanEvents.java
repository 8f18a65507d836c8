package io.kamplatform.account.support;

/** JSON data of plan events as a CRM integration posts them, for the plan of 2026 ({@code P-2026}). */
public final class PlanEvents {

    private PlanEvents() {
    }

    public static String plan(String planId, String start, String end) {
        return "{\"planId\":\"" + planId + "\",\"periodStart\":\"" + start + "\",\"periodEnd\":\"" + end + "\","
                + "\"missionStatement\":\"Preferred supplier for drive units\","
                + "\"revenueTarget\":{\"amount\":\"3000000.00\",\"currency\":\"EUR\"},\"shareOfWalletTargetPct\":35,"
                + "\"executiveSponsorId\":\"exec-1\",\"executiveSponsorName\":\"Martina Keller\"}";
    }

    public static String plan2026() {
        return plan("P-2026", "2026-01-01", "2026-12-31");
    }

    public static String objective(String objectiveId, String dueOn) {
        return "{\"planId\":\"P-2026\",\"objectiveId\":\"" + objectiveId + "\",\"metric\":\"Share of wallet\",\"unit\":\"%\","
                + "\"targetValue\":35,\"baselineValue\":20,\"dueOn\":\"" + dueOn + "\",\"ownerId\":\"kam-1\"}";
    }

    public static String progress(String objectiveId, String value) {
        return "{\"planId\":\"P-2026\",\"objectiveId\":\"" + objectiveId + "\",\"value\":" + value + "}";
    }

    public static String action(String actionId, String objectiveId, String dueOn) {
        return "{\"planId\":\"P-2026\",\"actionId\":\"" + actionId + "\",\"objectiveId\":\"" + objectiveId + "\","
                + "\"description\":\"Joint workshop\",\"ownerFunction\":\"TECHNICAL\",\"dueOn\":\"" + dueOn + "\"}";
    }

    public static String review(String outcome) {
        return "{\"planId\":\"P-2026\",\"reviewerId\":\"exec-1\",\"reviewerName\":\"Martina Keller\",\"outcome\":\"" + outcome + "\"}";
    }
}
