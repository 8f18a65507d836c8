package io.kamplatform.local.demo;

import static io.kamplatform.crmimport.posting.EventData.money;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kamplatform.crmimport.posting.EventData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The account plans of the two contrasting story accounts, dated relative to the day of the first load. Fixed facts,
 * no randomness: drawing from the portfolio's random sequence would change every account generated after these.
 * <ul>
 * <li>HELIX-PHARMA works to its plan: objectives progress ahead of the straight line to their targets, one is
 * achieved, actions are done on time, the last review (ON_TRACK) was a week ago;</li>
 * <li>ALPINA-FOODS has a plan nobody works to any more: two objectives missed, an action overdue and open, and the
 * last review (AT_RISK) 130 days ago — more than 90.</li>
 * </ul>
 */
final class DemoPlans {

    /** One plan fact: its key within the account's event ids, type, day and hour, and data. */
    record Fact(String key, String type, LocalDate day, int hour, ObjectNode data) {
    }

    private final String planId;
    private final LocalDate today;
    private final List<Fact> facts = new ArrayList<>();
    private int actionsPlannedOn;

    private DemoPlans(String planId, LocalDate today) {
        this.planId = planId;
        this.today = today;
    }

    /** The plan facts of the account (none for accounts without a plan story), oldest first. */
    static List<Fact> of(String accountId, LocalDate today, double trailingRevenue) {
        return switch (accountId) {
            case DemoStories.HEALTHY_PARTNERSHIP -> helix(today, trailingRevenue);
            case DemoStories.SPONSOR_LEFT -> alpina(today, trailingRevenue);
            default -> List.of();
        };
    }

    private static List<Fact> helix(LocalDate today, double trailingRevenue) {
        DemoPlans plan = new DemoPlans("HELIX-PLAN-1", today);
        plan.published(-180, 184, -185, "Be Helix's integrated packaging partner for oncology: joint development, "
                + "one supply plan, preferred-supplier status renewed", trailingRevenue * 1.08, "45", "exec-01", "Claudia Hartmann");
        plan.objective("O1", "Share of wallet in oncology packaging", "%", "45", "30", 184, "kam-01", -178);
        plan.objective("O2", "Joint innovation workshops held", "workshops", "4", "0", 150, "u-101", -178);
        plan.objective("O3", "Preferred-supplier status renewed in the tender", "tenders", "1", "0", -30, "kam-01", -178);
        plan.action("A1", "O3", "Tender response with the 3-year service roadmap", "SALES", -45, -50);
        plan.action("A2", "O2", "Cold-chain packaging pilot with Helix R&D", "TECHNICAL", 60, null);
        plan.action("A3", "O1", "Train the line staff of the Basel plant on the new blister format", "SERVICE", -20, -22);
        plan.progress("O1", "33", -120);
        plan.progress("O2", "1", -100);
        plan.review("ON_TRACK", "Half-year review: wallet share ahead of plan, tender on track", -95);
        plan.progress("O1", "36", -60);
        plan.outcome("ObjectiveAchieved", "O3", "1", null, -35);
        plan.progress("O2", "2", -30);
        plan.progress("O1", "39", -10);
        plan.review("ON_TRACK", "Quarterly business review with the executive sponsor: all objectives on or ahead of track", -7);
        return plan.facts;
    }

    private static List<Fact> alpina(LocalDate today, double trailingRevenue) {
        DemoPlans plan = new DemoPlans("ALPINA-PLAN-1", today);
        plan.published(-270, 95, -275, "Secure Alpina's snack packaging lines and renew the contract as preferred supplier",
                trailingRevenue * 1.05, "50", "exec-02", "Robert Lang");
        plan.objective("O1", "Share of wallet in snack packaging", "%", "50", "40", -60, "kam-02", -268);
        plan.objective("O2", "Executive meetings with the buying centre", "meetings", "4", "0", -30, "kam-02", -268);
        plan.objective("O3", "Contract renewed before expiry", "contracts", "1", "0", 60, "kam-02", -268);
        plan.action("A1", "O2", "Joint forecasting workshop with Alpina logistics", "LOGISTICS", -100, -105);
        plan.action("A2", "O3", "Renewal proposal to the new procurement head", "SALES", -20, null);
        plan.progress("O1", "41", -200);
        plan.progress("O2", "1", -150);
        plan.review("AT_RISK", "Executive access thin; renewal depends on the sponsor", -130);
        plan.progress("O1", "38", -120);
        plan.outcome("ObjectiveMissed", "O1", "37", "A competitor won two lines in the spring tender", -55);
        plan.outcome("ObjectiveMissed", "O2", "1", "Executive meetings stopped after the reorganisation", -28);
        return plan.facts;
    }

    private void published(int startDay, int endDay, int publishedDay, String mission, double revenueTarget,
                           String shareOfWalletPct, String sponsorId, String sponsorName) {
        ObjectNode data = data();
        data.put("periodStart", day(startDay).toString());
        data.put("periodEnd", day(endDay).toString());
        data.put("missionStatement", mission);
        data.set("revenueTarget", money(BigDecimal.valueOf(revenueTarget).setScale(-3, RoundingMode.HALF_UP)));
        data.put("shareOfWalletTargetPct", new BigDecimal(shareOfWalletPct));
        data.put("executiveSponsorId", sponsorId);
        data.put("executiveSponsorName", sponsorName);
        add("published", "AccountPlanPublished", publishedDay, data);
        actionsPlannedOn = publishedDay + 10;
    }

    private void objective(String id, String metric, String unit, String target, String baseline, int dueDay,
                           String ownerId, int setDay) {
        ObjectNode data = data();
        data.put("objectiveId", id);
        data.put("metric", metric);
        data.put("unit", unit);
        data.put("targetValue", new BigDecimal(target));
        data.put("baselineValue", new BigDecimal(baseline));
        data.put("dueOn", day(dueDay).toString());
        data.put("ownerId", ownerId);
        add(id, "ObjectiveSet", setDay, data);
    }

    /** An action planned ten days after the plan was published, and completed on {@code doneDay} unless null. */
    private void action(String id, String objectiveId, String description, String function, int dueDay, Integer doneDay) {
        ObjectNode data = data();
        data.put("actionId", id);
        data.put("objectiveId", objectiveId);
        data.put("description", description);
        data.put("ownerFunction", function);
        data.put("dueOn", day(dueDay).toString());
        add(id, "ActionPlanned", actionsPlannedOn, data);
        if (doneDay != null) {
            ObjectNode done = data();
            done.put("actionId", id);
            add(id + "-done", "ActionCompleted", doneDay, done);
        }
    }

    private void progress(String objectiveId, String value, int dayOffset) {
        ObjectNode data = data();
        data.put("objectiveId", objectiveId);
        data.put("value", new BigDecimal(value));
        add(objectiveId + "-progress" + dayOffset, "ObjectiveProgressReported", dayOffset, data);
    }

    private void outcome(String type, String objectiveId, String value, String reason, int dayOffset) {
        ObjectNode data = data();
        data.put("objectiveId", objectiveId);
        data.put("value", new BigDecimal(value));
        if (reason != null) {
            data.put("reason", reason);
        }
        add(objectiveId + "-outcome", type, dayOffset, data);
    }

    private void review(String outcome, String notes, int dayOffset) {
        ObjectNode data = data();
        ObjectNode published = facts.get(0).data();
        data.put("reviewerId", published.get("executiveSponsorId").asText());
        data.put("reviewerName", published.get("executiveSponsorName").asText());
        data.put("outcome", outcome);
        data.put("notes", notes);
        add("review" + dayOffset, "PlanReviewed", dayOffset, data);
    }

    private ObjectNode data() {
        ObjectNode data = EventData.object();
        data.put("planId", planId);
        return data;
    }

    private void add(String key, String type, int dayOffset, ObjectNode data) {
        facts.add(new Fact("plan-" + key, type, day(dayOffset), 11, data));
    }

    private LocalDate day(int offset) {
        return today.plusDays(offset);
    }

}
