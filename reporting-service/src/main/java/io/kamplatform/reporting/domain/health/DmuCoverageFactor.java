package io.kamplatform.reporting.domain.health;

import io.kamplatform.reporting.domain.facts.AccountFacts;
import io.kamplatform.reporting.domain.facts.BuyingRole;
import io.kamplatform.reporting.domain.facts.Contact;
import io.kamplatform.reporting.domain.facts.Interaction;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DMU coverage = 100 × (core roles held by an active contact met two-way in the 90 days to asOf) / 5. Without an
 * executive-level contact among those met the score is capped at 80 ("executive contact required for full marks":
 * a cap, not a deduction, so broad coverage below the board still earns up to 80). No contacts at all = no data.
 */
final class DmuCoverageFactor {

    static final int WINDOW_DAYS = 90;
    static final BigDecimal NO_EXECUTIVE_CAP = BigDecimal.valueOf(80);

    private DmuCoverageFactor() {
    }

    static Assessed assess(AccountFacts facts, Instant asOf, HealthModel model) {
        HealthFactor factor = HealthFactor.DMU_COVERAGE;
        if (facts.contacts().isEmpty()) {
            return Assessed.noData(factor, model, "No contacts recorded, so DMU coverage is unknown.");
        }
        Instant from = asOf.minus(Duration.ofDays(WINDOW_DAYS));
        List<Contact> met = facts.activeContactsMetSince(from);
        Set<BuyingRole> covered = EnumSet.noneOf(BuyingRole.class);
        met.forEach(c -> c.roles().stream().filter(BuyingRole.CORE::contains).forEach(covered::add));
        Set<BuyingRole> missing = EnumSet.noneOf(BuyingRole.class);
        BuyingRole.CORE.stream().filter(r -> !covered.contains(r)).forEach(missing::add);
        boolean executiveMet = met.stream().anyMatch(Contact::isExecutive);

        BigDecimal raw = BigDecimal.valueOf(covered.size() * 20L);
        boolean capped = !executiveMet && raw.compareTo(NO_EXECUTIVE_CAP) > 0;
        BigDecimal score = Scores.oneDecimal(capped ? NO_EXECUTIVE_CAP : raw);

        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("windowDays", WINDOW_DAYS);
        inputs.put("activeContacts", facts.activeContacts().size());
        inputs.put("contactsMetTwoWay", met.size());
        inputs.put("rolesCovered", names(covered));
        inputs.put("rolesMissing", names(missing));
        inputs.put("executiveMet", executiveMet);

        List<String> eventIds = new ArrayList<>();
        met.forEach(c -> eventIds.addAll(c.eventIds()));
        Set<String> metIds = new java.util.HashSet<>();
        met.forEach(c -> metIds.add(c.contactId()));
        facts.twoWayInteractionsSince(from).stream()
                .filter(i -> i.contactIds().stream().anyMatch(metIds::contains))
                .forEach(i -> eventIds.addAll(i.eventIds()));

        // The DMU picture is as fresh as the last two-way meeting.
        Instant newest = facts.lastTwoWayInteraction().map(Interaction::occurredAt).orElse(null);
        boolean stale = Scores.olderThanDays(newest, asOf, model.staleAfterDays());

        String explanation = covered.size() + " of 5 DMU roles held by active contacts met two-way in the last "
                + WINDOW_DAYS + " days" + (covered.isEmpty() ? "" : " (" + names(covered) + ")")
                + (executiveMet ? "; an executive was met." : capped
                        ? "; no executive met, so capped at 80." : "; no executive met.");
        String driver = null;
        if (missing.contains(BuyingRole.DECIDER)) {
            driver = "No two-way contact with a DECIDER in " + WINDOW_DAYS + " days";
        } else if (!missing.isEmpty()) {
            driver = "No two-way contact in " + WINDOW_DAYS + " days with the DMU roles " + names(missing);
        } else if (!executiveMet) {
            driver = "No executive-level contact met two-way in " + WINDOW_DAYS + " days";
        }
        return new Assessed(new FactorScore(factor.label(), score, model.weight(factor),
                Collections.unmodifiableMap(inputs), List.copyOf(eventIds), stale, explanation), driver);
    }

    static String names(Set<BuyingRole> roles) {
        return String.join(", ", roles.stream().map(Enum::name).toList());
    }
}
