package io.kamplatform.reporting.domain.stage;

import io.kamplatform.reporting.domain.facts.AccountFacts;
import io.kamplatform.reporting.domain.facts.BuyingRole;
import io.kamplatform.reporting.domain.facts.Contact;
import io.kamplatform.reporting.domain.facts.Contract;
import io.kamplatform.reporting.domain.facts.Dates;
import io.kamplatform.reporting.domain.health.KamHealth;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * McDonald's stage from the facts. Contacts "met" = active contacts in a two-way interaction in the 365 days to
 * asOf; supplier functions = functions of the supplier's participants in those interactions. The ladder is
 * cumulative, checked from the top:
 * INTEGRATED = INTERDEPENDENT + all five core roles met + ≥ 3 supplier functions + a current contract spanning ≥ 2
 * years; INTERDEPENDENT = COOPERATIVE + a DECIDER and an EXECUTIVE met + preferred supplier on a current contract;
 * COOPERATIVE = ≥ 2 buying roles met and ≥ 2 supplier functions; BASIC = any other account with a current contract
 * (the one-to-one bow-tie); EXPLORATORY = no current contract. DISINTEGRATING overrides all: health fell ≥ 10 points
 * against 90 days before AND (a contact left or a contract ended/terminated in the 90 days to asOf).
 */
public final class RelationshipStageClassifier {

    static final int MET_WINDOW_DAYS = 365;
    static final int LOSS_WINDOW_DAYS = 90;
    static final int HEALTH_DROP = 10;
    static final int INTEGRATED_FUNCTIONS = 3;
    static final int MULTI_YEAR = 2;

    private RelationshipStageClassifier() {
    }

    public static StageAssessment classify(AccountFacts facts, KamHealth now, KamHealth ninetyDaysAgo, Instant asOf) {
        LocalDate day = Dates.day(asOf);
        List<String> losses = losses(facts, asOf, day);
        Integer drop = now != null && ninetyDaysAgo != null && now.score() != null && ninetyDaysAgo.score() != null
                ? ninetyDaysAgo.score() - now.score() : null;
        if (drop != null && drop >= HEALTH_DROP && !losses.isEmpty()) {
            List<String> reasons = new ArrayList<>();
            reasons.add("Health fell " + drop + " points in 90 days (" + ninetyDaysAgo.score() + " → " + now.score()
                    + ")");
            reasons.addAll(losses);
            return new StageAssessment(RelationshipStage.DISINTEGRATING, List.copyOf(reasons));
        }

        List<Contract> current = facts.currentContracts(day);
        if (current.isEmpty()) {
            return new StageAssessment(RelationshipStage.EXPLORATORY, List.of("No active contract"));
        }
        List<Contact> met = facts.activeContactsMetSince(asOf.minus(Duration.ofDays(MET_WINDOW_DAYS)));
        Set<BuyingRole> roles = EnumSet.noneOf(BuyingRole.class);
        met.forEach(c -> roles.addAll(c.roles()));
        Set<String> functions = facts.supplierFunctionsSince(asOf.minus(Duration.ofDays(MET_WINDOW_DAYS)));
        boolean decider = roles.contains(BuyingRole.DECIDER);
        boolean executive = met.stream().anyMatch(Contact::isExecutive);
        boolean preferred = current.stream().anyMatch(Contract::preferredSupplier);
        boolean allCore = roles.containsAll(BuyingRole.CORE);
        boolean multiYear = current.stream().anyMatch(c -> c.spansAtLeastYears(MULTI_YEAR));

        String contacts = met.size() + " active contact(s) met two-way in 365 days holding " + roles.size()
                + " buying role(s)";
        String functionText = functions.size() + " supplier function(s) involved" + (functions.isEmpty() ? ""
                : " (" + String.join(", ", functions.stream().sorted().toList()) + ")");
        boolean cooperative = roles.size() >= 2 && functions.size() >= 2;
        boolean interdependent = cooperative && decider && executive && preferred;
        boolean integrated = interdependent && allCore && functions.size() >= INTEGRATED_FUNCTIONS && multiYear;

        List<String> reasons = new ArrayList<>();
        reasons.add(current.size() + " active contract(s)");
        reasons.add(contacts);
        reasons.add(functionText);
        RelationshipStage stage;
        List<String> missing = new ArrayList<>();
        if (integrated) {
            stage = RelationshipStage.INTEGRATED;
            reasons.add("All five core DMU roles met, preferred supplier, a contract of at least 2 years");
        } else if (interdependent) {
            stage = RelationshipStage.INTERDEPENDENT;
            reasons.add("A decider and an executive met; preferred supplier");
            if (!allCore) missing.add("all five core DMU roles met");
            if (functions.size() < INTEGRATED_FUNCTIONS) missing.add("at least 3 supplier functions");
            if (!multiYear) missing.add("a contract of at least 2 years");
        } else if (cooperative) {
            stage = RelationshipStage.COOPERATIVE;
            if (!decider) missing.add("a DECIDER met");
            if (!executive) missing.add("an executive-level contact met");
            if (!preferred) missing.add("preferred-supplier status");
        } else {
            stage = RelationshipStage.BASIC;
            reasons.add("One-to-one \"bow-tie\" contact");
            if (roles.size() < 2) missing.add("at least 2 buying roles met");
            if (functions.size() < 2) missing.add("at least 2 supplier functions");
        }
        if (!missing.isEmpty()) {
            reasons.add("Next stage needs " + String.join(", ", missing));
        }
        if (drop != null && drop >= HEALTH_DROP) {
            reasons.add("Warning: health fell " + drop + " points in 90 days");
        } else if (!losses.isEmpty()) {
            reasons.add("Warning: " + String.join("; ", losses));
        }
        return new StageAssessment(stage, List.copyOf(reasons));
    }

    private static List<String> losses(AccountFacts facts, Instant asOf, LocalDate day) {
        List<String> losses = new ArrayList<>();
        Instant from = asOf.minus(Duration.ofDays(LOSS_WINDOW_DAYS));
        for (Contact c : facts.contacts().values()) {
            if (c.leftAt() != null && !c.leftAt().isBefore(from)) {
                losses.add("Contact " + (c.name() != null ? c.name() : c.contactId()) + " left on "
                        + Dates.day(c.leftAt()));
            }
        }
        LocalDate fromDay = day.minusDays(LOSS_WINDOW_DAYS);
        for (Contract c : facts.contracts().values()) {
            LocalDate ended = c.endedOn(day);
            if (ended != null && !ended.isBefore(fromDay)) {
                losses.add("Contract " + c.contractId() + (c.terminatedAt() != null ? " terminated" : " ended")
                        + " on " + ended);
            }
        }
        return losses;
    }
}
