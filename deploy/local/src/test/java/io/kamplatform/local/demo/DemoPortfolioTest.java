package io.kamplatform.local.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kamplatform.crmimport.posting.EventData;
import io.kamplatform.crmimport.posting.PlannedEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoPortfolioTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 18);
    private static final List<PlannedEvent> EVENTS = DemoPortfolio.generate(7, TODAY);

    @Test
    void sameSeedGivesTheSameEventsAndAnotherSeedOthers() {
        List<PlannedEvent> again = DemoPortfolio.generate(7, TODAY);
        assertEquals(EVENTS.size(), again.size());
        for (int i = 0; i < EVENTS.size(); i++) {
            assertEquals(EVENTS.get(i).toBatchItem(), again.get(i).toBatchItem(), "event " + i);
            assertEquals(EVENTS.get(i).service(), again.get(i).service());
        }
        List<PlannedEvent> other = DemoPortfolio.generate(8, TODAY);
        assertNotEquals(bodies(EVENTS), bodies(other));
        assertTrue(other.get(0).eventId().startsWith("demo-8-"));
    }

    @Test
    void sizeIsModestAndIdsAreValidAndUnique() {
        assertTrue(EVENTS.size() > 4_000 && EVENTS.size() < 20_000, "events: " + EVENTS.size());
        Set<String> ids = new HashSet<>();
        for (PlannedEvent e : EVENTS) {
            assertTrue(ids.add(e.eventId()), "duplicate " + e.eventId());
            assertTrue(EventData.EVENT_ID.matcher(e.eventId()).matches(), e.eventId());
            assertTrue(EventData.ID.matcher(e.accountId()).matches(), e.accountId());
            for (String field : List.of("contactId", "interactionId", "contractId", "requestId", "complaintId",
                    "concessionId", "managerId", "memberId", "parentAccountId")) {
                JsonNode id = e.data().get(field);
                if (id != null) {
                    assertTrue(EventData.ID.matcher(id.asText()).matches(), field + " " + id);
                }
            }
        }
        long accounts = EVENTS.stream().filter(e -> e.type().equals("AccountRegistered")).count();
        assertTrue(accounts >= 280 && accounts <= 320, "accounts " + accounts);
        long keys = EVENTS.stream().filter(e -> e.type().equals("KeyAccountDesignated")).count();
        assertTrue(keys >= 15 && keys <= 35, "key accounts " + keys);
    }

    @Test
    void eventsFollowTheProducersRules() {
        Instant todayStart = TODAY.atStartOfDay().toInstant(ZoneOffset.UTC);
        Set<String> registered = new HashSet<>();
        Set<String> keyAccounts = new HashSet<>();
        Set<String> activeContacts = new HashSet<>();
        Set<String> signedContracts = new HashSet<>();
        Set<String> interactionsWithFollowUp = new HashSet<>();
        boolean relationshipPhase = false;
        for (PlannedEvent e : EVENTS) {
            assertTrue(e.occurredAt().isBefore(todayStart), "in the future: " + e.eventId());
            JsonNode d = e.data();
            if (e.service() == PlannedEvent.Service.RELATIONSHIP) {
                relationshipPhase = true;
                assertTrue(registered.contains(e.accountId()), "relationship event before registration " + e.eventId());
            } else {
                assertFalse(relationshipPhase, "account events come first");
            }
            switch (e.type()) {
                case "AccountRegistered" -> {
                    if (d.has("parentAccountId")) {
                        assertTrue(registered.contains(d.get("parentAccountId").asText()), "parent first: " + e.eventId());
                    }
                    assertTrue(registered.add(e.accountId()));
                }
                case "KeyAccountDesignated" -> assertTrue(keyAccounts.add(e.accountId()));
                case "KeyAccountManagerAssigned", "AccountPlanPublished", "ObjectiveSet", "ActionPlanned" ->
                        assertTrue(keyAccounts.contains(e.accountId()), e.eventId());
                case "RevenueRecognized" -> {
                    YearMonth month = YearMonth.parse(d.get("month").asText());
                    assertFalse(month.isAfter(YearMonth.from(e.occurredAt().atZone(ZoneOffset.UTC))), e.eventId());
                    assertMoney(d.get("revenue"));
                    assertMoney(d.get("costOfSales"));
                }
                case "ContactAdded" -> assertTrue(activeContacts.add(d.get("contactId").asText()));
                case "ContactLeft" -> assertTrue(activeContacts.remove(d.get("contactId").asText()));
                case "InteractionRecorded" -> {
                    d.get("contactIds").forEach(c -> assertTrue(activeContacts.contains(c.asText()),
                            "inactive contact " + c + " in " + e.eventId()));
                    if (d.get("twoWay").asBoolean()) {
                        assertTrue(d.get("contactIds").size() > 0, e.eventId());
                    }
                    if (d.has("followUpDueOn")) {
                        interactionsWithFollowUp.add(d.get("interactionId").asText());
                    }
                }
                case "FollowUpCompleted" -> assertTrue(interactionsWithFollowUp.remove(d.get("interactionId").asText()));
                case "ContractSigned" -> {
                    assertTrue(signedContracts.add(d.get("contractId").asText()));
                    assertTrue(LocalDate.parse(d.get("endsOn").asText()).isAfter(LocalDate.parse(d.get("startsOn").asText())));
                    assertTrue(amount(d.get("listValue")).compareTo(amount(d.get("annualValue"))) >= 0, e.eventId());
                }
                case "ContractRenewed", "ConcessionGranted" -> {
                    assertTrue(signedContracts.contains(d.get("contractId").asText()), e.eventId());
                    if (d.has("listValue")) {
                        assertTrue(amount(d.get("listValue")).compareTo(amount(d.get("annualValue"))) >= 0, e.eventId());
                    }
                }
                default -> {
                }
            }
        }
    }

    @Test
    void dependencyStory_nordwindGroupAboveTenPercentAndNoOtherGroup() {
        Map<String, String> parent = new HashMap<>();
        EVENTS.stream().filter(e -> e.type().equals("AccountRegistered")).forEach(e -> parent.put(e.accountId(),
                e.data().has("parentAccountId") ? e.data().get("parentAccountId").asText() : e.accountId()));
        YearMonth last = YearMonth.from(TODAY).minusMonths(1);
        Map<String, BigDecimal> byGroup = new HashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (PlannedEvent e : EVENTS) {
            if (e.type().equals("RevenueRecognized")
                    && !YearMonth.parse(e.data().get("month").asText()).isBefore(last.minusMonths(11))) {
                BigDecimal revenue = amount(e.data().get("revenue"));
                byGroup.merge(parent.get(e.accountId()), revenue, BigDecimal::add);
                total = total.add(revenue);
            }
        }
        BigDecimal finalTotal = total;
        Map<String, Double> shares = byGroup.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                en -> en.getValue().doubleValue() / finalTotal.doubleValue()));
        assertTrue(shares.get(DemoStories.DEPENDENCY_GROUP) > 0.10, "nordwind " + shares.get("NORDWIND"));
        shares.forEach((group, share) -> {
            if (!group.equals(DemoStories.DEPENDENCY_GROUP)) {
                assertTrue(share < 0.10, group + " " + share);
            }
        });
        // roughly 80/20
        List<BigDecimal> sorted = new ArrayList<>(byGroup.values());
        sorted.sort((a, b) -> b.compareTo(a));
        BigDecimal top = sorted.subList(0, sorted.size() / 5).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        double topShare = top.doubleValue() / total.doubleValue();
        assertTrue(topShare > 0.65 && topShare < 0.92, "top 20% share " + topShare);
    }

    @Test
    void sponsorStory_theOnlySponsorLeavesAndNothingTwoWayForThreeMonths() {
        List<PlannedEvent> alpina = of(DemoStories.SPONSOR_LEFT);
        Set<String> sponsors = alpina.stream().filter(e -> e.type().equals("ContactAdded"))
                .filter(e -> e.data().get("buyingRoles").toString().contains("SPONSOR"))
                .map(e -> e.data().get("contactId").asText()).collect(Collectors.toSet());
        assertEquals(1, sponsors.size());
        assertTrue(alpina.stream().anyMatch(e -> e.type().equals("ContactLeft")
                && sponsors.contains(e.data().get("contactId").asText())));
        Instant ninetyDaysAgo = TODAY.minusDays(90).atStartOfDay().toInstant(ZoneOffset.UTC);
        assertTrue(alpina.stream().noneMatch(e -> e.type().equals("InteractionRecorded")
                && e.data().get("twoWay").asBoolean() && e.occurredAt().isAfter(ninetyDaysAgo)));
        assertTrue(alpina.stream().anyMatch(e -> e.type().equals("ComplaintRaised")));
    }

    @Test
    void marginStory_discountDeepensAtEveryRenewalAndServiceRequestsRise() {
        List<PlannedEvent> volta = of(DemoStories.MARGIN_SQUEEZE);
        List<Double> discounts = volta.stream().filter(e -> e.type().equals("ContractSigned") || e.type().equals("ContractRenewed"))
                .map(e -> 1 - amount(e.data().get("annualValue")).doubleValue() / amount(e.data().get("listValue")).doubleValue())
                .toList();
        assertEquals(3, discounts.size(), discounts.toString());
        assertTrue(discounts.get(0) < discounts.get(1) && discounts.get(1) < discounts.get(2), discounts.toString());
        Instant yearAgo = TODAY.minusYears(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        long recent = volta.stream().filter(e -> e.type().equals("ServiceRequestOpened") && e.occurredAt().isAfter(yearAgo)).count();
        long earlier = volta.stream().filter(e -> e.type().equals("ServiceRequestOpened") && !e.occurredAt().isAfter(yearAgo)).count();
        assertTrue(recent > 2 * earlier, recent + " vs " + earlier);
        assertTrue(volta.stream().anyMatch(e -> e.type().equals("ConcessionGranted")));
    }

    @Test
    void planStories_helixWorksToItsPlanAlpinaMissesAndStopsReviewing() {
        List<PlannedEvent> helix = plan(DemoStories.HEALTHY_PARTNERSHIP);
        List<PlannedEvent> alpina = plan(DemoStories.SPONSOR_LEFT);
        for (List<PlannedEvent> plan : List.of(helix, alpina)) {
            JsonNode published = plan.get(0).data();
            assertEquals("AccountPlanPublished", plan.get(0).type());
            LocalDate start = LocalDate.parse(published.get("periodStart").asText());
            LocalDate end = LocalDate.parse(published.get("periodEnd").asText());
            assertTrue(!start.isAfter(TODAY) && end.isAfter(TODAY), "a current plan");
            plan.stream().filter(e -> e.data().has("dueOn")).forEach(e -> {
                LocalDate due = LocalDate.parse(e.data().get("dueOn").asText());
                assertTrue(!due.isBefore(start) && !due.isAfter(end), "due inside the period: " + e.eventId());
            });
        }
        assertEquals(0, count(helix, "ObjectiveMissed"));
        assertEquals(1, count(helix, "ObjectiveAchieved"));
        assertTrue(count(helix, "ObjectiveProgressReported") >= 4);
        assertTrue(daysSinceLastReview(helix) <= 14, "helix reviewed recently");
        assertEquals(2, count(alpina, "ObjectiveMissed"));
        assertTrue(daysSinceLastReview(alpina) > 90, "alpina not reviewed in 90 days");
        assertTrue(count(alpina, "ActionPlanned") > count(alpina, "ActionCompleted"), "an open action");
    }

    private static List<PlannedEvent> plan(String accountId) {
        return of(accountId).stream().filter(e -> e.data().has("planId")).toList();
    }

    private static long count(List<PlannedEvent> events, String type) {
        return events.stream().filter(e -> e.type().equals(type)).count();
    }

    private static long daysSinceLastReview(List<PlannedEvent> plan) {
        Instant last = plan.stream().filter(e -> e.type().equals("PlanReviewed")).map(PlannedEvent::occurredAt)
                .max(Instant::compareTo).orElseThrow();
        return java.time.Duration.between(last, TODAY.atStartOfDay().toInstant(ZoneOffset.UTC)).toDays();
    }

    @Test
    void neglectedAndHealthyStories() {
        List<PlannedEvent> bright = of(DemoStories.NEGLECTED_POTENTIAL);
        assertTrue(bright.stream().noneMatch(e -> e.type().equals("KeyAccountDesignated")));
        BigDecimal potential = bright.stream().filter(e -> e.type().equals("SalesPotentialAssessed"))
                .map(e -> amount(e.data().get("annualPotential"))).findFirst().orElseThrow();
        assertEquals(0, potential.compareTo(new BigDecimal("2400000")));
        Instant ninetyDaysAgo = TODAY.minusDays(90).atStartOfDay().toInstant(ZoneOffset.UTC);
        assertTrue(bright.stream().noneMatch(e -> e.type().equals("InteractionRecorded") && e.occurredAt().isAfter(ninetyDaysAgo)));

        List<PlannedEvent> helix = of(DemoStories.HEALTHY_PARTNERSHIP);
        Set<String> roles = new HashSet<>();
        helix.stream().filter(e -> e.type().equals("ContactAdded"))
                .forEach(e -> e.data().get("buyingRoles").forEach(r -> roles.add(r.asText())));
        assertEquals(Set.of("DECIDER", "INFLUENCER", "BUYER", "USER", "GATEKEEPER", "SPONSOR"), roles);
        assertTrue(helix.stream().anyMatch(e -> e.type().equals("ContractSigned")
                && e.data().get("preferredSupplier").asBoolean()));
        Set<String> functions = new HashSet<>();
        helix.stream().filter(e -> e.type().equals("InteractionRecorded"))
                .forEach(e -> e.data().get("supplierParticipants").forEach(p -> functions.add(p.get("function").asText())));
        assertTrue(functions.size() >= 3, functions.toString());
        Instant tenDaysAgo = TODAY.minusDays(10).atStartOfDay().toInstant(ZoneOffset.UTC);
        assertTrue(helix.stream().anyMatch(e -> e.type().equals("InteractionRecorded") && e.occurredAt().isAfter(tenDaysAgo)));
        assertEquals(5, DemoStories.all().size());
    }

    private static List<PlannedEvent> of(String accountId) {
        return EVENTS.stream().filter(e -> e.accountId().equals(accountId)).toList();
    }

    private static List<String> bodies(List<PlannedEvent> events) {
        return events.stream().map(e -> e.toBatchItem().toString()).toList();
    }

    private static void assertMoney(JsonNode money) {
        assertTrue(money.get("amount").isTextual());
        assertEquals("EUR", money.get("currency").asText());
        assertTrue(amount(money).signum() >= 0);
    }

    private static BigDecimal amount(JsonNode money) {
        return new BigDecimal(money.get("amount").asText());
    }
}
