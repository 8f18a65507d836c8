package io.kamplatform.reporting.domain.facts;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the reports know about one account at a point in time: the left fold of its facts up to {@code asOf}. Every
 * item keeps the ids of the events behind it, so each figure computed from it can be explained.
 *
 * <p>Revenue is kept in the currency of the first revenue fact applied; a fact in another currency, or whose cost of
 * sales is in another currency than its revenue, is skipped (reports never add currencies). {@code skippedEventIds}
 * lists the facts skipped: a field the fold needs missing or malformed, an unknown item updated, a second currency.
 */
public record AccountFacts(
        String accountId,
        Instant asOf,
        Profile profile,
        Manager manager,
        Map<String, TeamMember> team,
        SalesPotential salesPotential,
        SortedMap<YearMonth, MonthlyRevenue> revenueByMonth,
        Map<String, Contact> contacts,
        Map<String, Interaction> interactions,
        Map<String, ServiceRequest> serviceRequests,
        Map<String, Complaint> complaints,
        List<CompetitorObservation> competitorObservations,
        Map<String, Contract> contracts,
        Map<String, AccountPlan> plans,
        List<String> skippedEventIds) {

    /**
     * Folds the facts with {@code occurredAt <= asOf} in occurredAt order (ties keep the given order). Facts of other
     * accounts, repeated (source, event id) pairs and unknown types are ignored; a fact missing a needed field is skipped.
     */
    public static AccountFacts fold(String accountId, List<RecordedFact> facts, Instant asOf) {
        return foldAt(accountId, facts, List.of(asOf)).get(0);
    }

    /**
     * The folds at each of {@code asOfs} (ascending), each equal to {@link #fold} at that instant, in one pass: the
     * facts applicable at an earlier instant are a prefix of those at a later one (the sort is stable), so the folder
     * is read out as it passes each instant. An assessment folds now, 30 and 90 days back; one pass instead of three.
     */
    public static List<AccountFacts> foldAt(String accountId, List<RecordedFact> facts, List<Instant> asOfs) {
        for (int i = 1; i < asOfs.size(); i++) {
            if (asOfs.get(i).isBefore(asOfs.get(i - 1))) {
                throw new IllegalArgumentException("instants not ascending: " + asOfs);
            }
        }
        Instant last = asOfs.get(asOfs.size() - 1);
        List<RecordedFact> applicable = new ArrayList<>();
        for (RecordedFact fact : facts) {
            if (fact.occurredAt() != null && !fact.occurredAt().isAfter(last)
                    && (fact.accountId() == null || fact.accountId().equals(accountId))) {
                applicable.add(fact);
            }
        }
        applicable.sort(Comparator.comparing(RecordedFact::occurredAt)); // stable: ties keep the given order
        Folder folder = new Folder();
        List<AccountFacts> folds = new ArrayList<>(asOfs.size());
        // (source, event id): ids are unique per source only; sized once (resizing showed in the rebuild's profile)
        Set<List<String>> seen = HashSet.newHashSet(applicable.size());
        for (RecordedFact fact : applicable) {
            while (fact.occurredAt().isAfter(asOfs.get(folds.size()))) {
                folds.add(folder.result(accountId, asOfs.get(folds.size())));
            }
            if (fact.eventId() != null && !seen.add(Arrays.asList(fact.source(), fact.eventId()))) {
                continue;
            }
            try {
                if (fact.data() == null || !fact.data().isObject()) {
                    throw new Json.MissingField("data");
                }
                folder.apply(fact);
            } catch (Json.MissingField | IllegalArgumentException | java.time.DateTimeException
                     | ArithmeticException malformed) {
                folder.skipped.add(fact.eventId());
            }
        }
        while (folds.size() < asOfs.size()) {
            folds.add(folder.result(accountId, asOfs.get(folds.size())));
        }
        return folds;
    }

    // ---- queries the reports share ----

    /** The plan current on asOf's day (UTC): the latest published whose period holds it; null when none. */
    public AccountPlan currentPlan() {
        java.time.LocalDate day = Dates.day(asOf);
        AccountPlan current = null;
        for (AccountPlan p : plans.values()) {
            if (p.currentOn(day) && (current == null || !p.publishedAt().isBefore(current.publishedAt()))) {
                current = p;
            }
        }
        return current;
    }

    public List<Contact> activeContacts() {
        return contacts.values().stream().filter(Contact::active).toList();
    }

    /** Two-way interactions with {@code from <= occurredAt <= asOf}, oldest first. */
    public List<Interaction> twoWayInteractionsSince(Instant from) {
        return interactions.values().stream()
                .filter(i -> i.twoWay() && !i.occurredAt().isBefore(from))
                .sorted(Comparator.comparing(Interaction::occurredAt))
                .toList();
    }

    public Optional<Interaction> lastTwoWayInteraction() {
        return interactions.values().stream().filter(Interaction::twoWay)
                .max(Comparator.comparing(Interaction::occurredAt));
    }

    /** Active contacts named in a two-way interaction since {@code from}, in the order contacts were added. */
    public List<Contact> activeContactsMetSince(Instant from) {
        Set<String> met = new HashSet<>();
        twoWayInteractionsSince(from).forEach(i -> met.addAll(i.contactIds()));
        return activeContacts().stream().filter(c -> met.contains(c.contactId())).toList();
    }

    /** Supplier functions that took part in a two-way interaction since {@code from}. */
    public Set<String> supplierFunctionsSince(Instant from) {
        Set<String> functions = new LinkedHashSet<>();
        twoWayInteractionsSince(from).forEach(i -> functions.addAll(i.supplierFunctions()));
        return Collections.unmodifiableSet(functions);
    }

    public List<Contract> currentContracts(LocalDate day) {
        return contracts.values().stream().filter(c -> c.isCurrentOn(day)).toList();
    }

    /** Concessions granted on any of the account's contracts, oldest first. */
    public List<Concession> concessions() {
        return contracts.values().stream().flatMap(c -> c.concessions().stream())
                .sorted(Comparator.comparing(Concession::grantedAt)).toList();
    }

    /** The currency of the account's revenue (of its first revenue fact), or null when it has none. */
    public String revenueCurrency() {
        return revenueByMonth.isEmpty() ? null : revenueByMonth.values().iterator().next().revenue().currency();
    }

    /** Cost of sales of the months {@code from..to} inclusive; months without revenue count as zero. */
    public BigDecimal costOfSalesOf(YearMonth from, YearMonth to) {
        BigDecimal sum = BigDecimal.ZERO;
        for (MonthlyRevenue month : revenueByMonth.subMap(from, to.plusMonths(1)).values()) {
            sum = sum.add(month.costOfSales().amount());
        }
        return sum;
    }

    /** Revenue of the months {@code from..to} inclusive; months without revenue count as zero. */
    public BigDecimal revenueOf(YearMonth from, YearMonth to) {
        BigDecimal sum = BigDecimal.ZERO;
        for (MonthlyRevenue month : revenueByMonth.subMap(from, to.plusMonths(1)).values()) {
            sum = sum.add(month.revenue().amount());
        }
        return sum;
    }

    /** Event ids behind the months {@code from..to} inclusive. */
    public List<String> revenueEventIds(YearMonth from, YearMonth to) {
        List<String> ids = new ArrayList<>();
        revenueByMonth.subMap(from, to.plusMonths(1)).values().forEach(m -> ids.addAll(m.eventIds()));
        return ids;
    }

    /** Mutable while folding; the result is immutable. */
    private static final class Folder {
        Profile profile = Profile.EMPTY;
        Manager manager;
        final Map<String, TeamMember> team = new LinkedHashMap<>();
        SalesPotential potential;
        final TreeMap<YearMonth, MonthlyRevenue> revenue = new TreeMap<>();
        String revenueCurrency;
        final Map<String, Contact> contacts = new LinkedHashMap<>();
        final Map<String, Interaction> interactions = new LinkedHashMap<>();
        final Map<String, ServiceRequest> requests = new LinkedHashMap<>();
        final Map<String, Complaint> complaints = new LinkedHashMap<>();
        final List<CompetitorObservation> competitors = new ArrayList<>();
        final Map<String, Contract> contracts = new LinkedHashMap<>();
        final PlanFolder plans = new PlanFolder();
        final List<String> skipped = new ArrayList<>();

        void apply(RecordedFact fact) {
            JsonNode d = fact.data();
            String id = fact.eventId();
            Instant at = fact.occurredAt();
            switch (fact.type()) {
                case "AccountRegistered" -> profile = new Profile(Json.text(d, "name"),
                        Json.optText(d, "parentAccountId"), Json.optText(d, "sector"), profile.keyAccount(),
                        Lists.append(profile.eventIds(), id));
                case "AccountDetailsChanged" -> {
                    String name = Json.optText(d, "name");
                    String sector = Json.optText(d, "sector");
                    profile = new Profile(name != null ? name : profile.name(), profile.parentAccountId(),
                            sector != null ? sector : profile.sector(), profile.keyAccount(),
                            Lists.append(profile.eventIds(), id));
                }
                case "KeyAccountDesignated" -> profile = new Profile(profile.name(), profile.parentAccountId(),
                        profile.sector(), true, Lists.append(profile.eventIds(), id));
                // As in account-service: a revoked key account loses its manager too.
                case "KeyAccountDesignationRevoked" -> {
                    profile = new Profile(profile.name(), profile.parentAccountId(), profile.sector(), false,
                            Lists.append(profile.eventIds(), id));
                    manager = null;
                }
                case "KeyAccountManagerAssigned" ->
                        manager = new Manager(Json.text(d, "managerId"), Json.optText(d, "name"), id);
                case "AccountTeamMemberJoined" -> {
                    String memberId = Json.text(d, "memberId");
                    team.put(memberId, new TeamMember(memberId, Json.optText(d, "name"),
                            Json.text(d, "function"), List.of(id)));
                }
                case "AccountTeamMemberLeft" -> team.remove(Json.text(d, "memberId"));
                case "SalesPotentialAssessed" -> potential = new SalesPotential(Json.money(d, "annualPotential"), at, id);
                case "RevenueRecognized" -> addRevenue(Json.month(d, "month"), Json.money(d, "revenue"),
                        Json.money(d, "costOfSales"), at, id);
                case "RevenueCorrected" -> addRevenue(Json.month(d, "month"), Json.money(d, "revenueDelta"),
                        Json.money(d, "costOfSalesDelta"), at, id);
                case "ContactAdded" -> {
                    String contactId = Json.text(d, "contactId");
                    Set<BuyingRole> roles = Json.optEnumSet(BuyingRole.class, d, "buyingRoles");
                    contacts.put(contactId, new Contact(contactId, Json.optText(d, "name"),
                            roles == null ? Set.of() : roles, optLevel(d), Json.optText(d, "function"), true, null,
                            List.of(id)));
                }
                case "ContactUpdated" -> {
                    Contact c = known(contacts, Json.text(d, "contactId"));
                    String name = Json.optText(d, "name");
                    Set<BuyingRole> roles = Json.optEnumSet(BuyingRole.class, d, "buyingRoles");
                    ContactLevel level = optLevel(d);
                    String function = Json.optText(d, "function");
                    contacts.put(c.contactId(), new Contact(c.contactId(), name != null ? name : c.name(),
                            roles != null ? roles : c.roles(), level != null ? level : c.level(),
                            function != null ? function : c.function(), c.active(), c.leftAt(),
                            Lists.append(c.eventIds(), id)));
                }
                case "ContactLeft" -> {
                    Contact c = known(contacts, Json.text(d, "contactId"));
                    contacts.put(c.contactId(), new Contact(c.contactId(), c.name(), c.roles(), c.level(),
                            c.function(), false, at, Lists.append(c.eventIds(), id)));
                }
                case "InteractionRecorded" -> {
                    String interactionId = Json.text(d, "interactionId");
                    interactions.put(interactionId, new Interaction(interactionId, Json.text(d, "kind"), at,
                            Json.textSet(d, "contactIds"),
                            Set.copyOf(Json.fieldOfEach(d, "supplierParticipants", "function")),
                            Json.bool(d, "twoWay"), Json.optText(d, "sentiment"), Json.optDate(d, "followUpDueOn"),
                            null, List.of(id)));
                }
                case "FollowUpCompleted" -> {
                    Interaction i = known(interactions, Json.text(d, "interactionId"));
                    interactions.put(i.interactionId(), new Interaction(i.interactionId(), i.kind(), i.occurredAt(),
                            i.contactIds(), i.supplierFunctions(), i.twoWay(), i.sentiment(), i.followUpDueOn(), at,
                            Lists.append(i.eventIds(), id)));
                }
                case "ServiceRequestOpened" -> {
                    String requestId = Json.text(d, "requestId");
                    requests.put(requestId, new ServiceRequest(requestId, Json.enumValue(Severity.class, d, "severity"),
                            Json.integer(d, "slaHours"), at, null, List.of(id)));
                }
                case "ServiceRequestResolved" -> {
                    ServiceRequest r = known(requests, Json.text(d, "requestId"));
                    requests.put(r.requestId(), new ServiceRequest(r.requestId(), r.severity(), r.slaHours(),
                            r.openedAt(), at, Lists.append(r.eventIds(), id)));
                }
                case "ComplaintRaised" -> {
                    String complaintId = Json.text(d, "complaintId");
                    complaints.put(complaintId, new Complaint(complaintId,
                            Json.enumValue(Severity.class, d, "severity"), Json.optText(d, "subject"), at, null,
                            List.of(id)));
                }
                case "ComplaintResolved" -> {
                    Complaint c = known(complaints, Json.text(d, "complaintId"));
                    complaints.put(c.complaintId(), new Complaint(c.complaintId(), c.severity(), c.subject(),
                            c.raisedAt(), at, Lists.append(c.eventIds(), id)));
                }
                case "CompetitorActivityObserved" -> competitors.add(new CompetitorObservation(
                        Json.text(d, "competitor"), Json.optText(d, "threat"), at, id));
                case "ContractSigned" -> {
                    String contractId = Json.text(d, "contractId");
                    contracts.put(contractId, new Contract(contractId, ContractStatus.ACTIVE, Json.date(d, "startsOn"),
                            Json.date(d, "endsOn"), Json.money(d, "annualValue"), Json.money(d, "listValue"),
                            Json.bool(d, "preferredSupplier"), at, null, null, List.of(),
                            List.of(new ContractTerms(ContractTerms.Step.SIGNED, Json.money(d, "annualValue"),
                                    Json.money(d, "listValue"), at, id)), List.of(), List.of(id)));
                }
                case "ContractRenewed" -> {
                    Contract c = known(contracts, Json.text(d, "contractId"));
                    Renewal renewal = new Renewal(c.endsOn(), Json.date(d, "newEndsOn"),
                            Json.money(d, "annualValue"), Json.money(d, "listValue"), at, id);
                    List<Renewal> renewals = new ArrayList<>(c.renewals());
                    renewals.add(renewal);
                    contracts.put(c.contractId(), new Contract(c.contractId(), c.status(), c.startsOn(),
                            renewal.newEndsOn(), renewal.annualValue(), renewal.listValue(), c.preferredSupplier(),
                            c.signedAt(), c.terminatedAt(), c.terminationEffectiveOn(), List.copyOf(renewals),
                            withTerms(c, new ContractTerms(ContractTerms.Step.RENEWED, renewal.annualValue(),
                                    renewal.listValue(), at, id)), c.concessions(), Lists.append(c.eventIds(), id)));
                }
                case "ContractAmended" -> {
                    Contract c = known(contracts, Json.text(d, "contractId"));
                    Money annual = Json.money(d, "annualValue");
                    Money list = Json.money(d, "listValue");
                    contracts.put(c.contractId(), new Contract(c.contractId(), c.status(), c.startsOn(), c.endsOn(),
                            annual, list, c.preferredSupplier(),
                            c.signedAt(), c.terminatedAt(), c.terminationEffectiveOn(), c.renewals(),
                            withTerms(c, new ContractTerms(ContractTerms.Step.AMENDED, annual, list, at, id)),
                            c.concessions(), Lists.append(c.eventIds(), id)));
                }
                case "ContractTerminated" -> {
                    Contract c = known(contracts, Json.text(d, "contractId"));
                    contracts.put(c.contractId(), new Contract(c.contractId(), ContractStatus.TERMINATED,
                            c.startsOn(), c.endsOn(), c.annualValue(), c.listValue(), c.preferredSupplier(),
                            c.signedAt(), at, Json.optDate(d, "effectiveOn"), c.renewals(), c.termsHistory(),
                            c.concessions(), Lists.append(c.eventIds(), id)));
                }
                case "ConcessionGranted" -> {
                    Contract c = known(contracts, Json.text(d, "contractId"));
                    List<Concession> concessions = new ArrayList<>(c.concessions());
                    concessions.add(new Concession(Json.text(d, "concessionId"), c.contractId(), Json.text(d, "kind"),
                            Json.money(d, "value"), at, id));
                    contracts.put(c.contractId(), new Contract(c.contractId(), c.status(), c.startsOn(), c.endsOn(),
                            c.annualValue(), c.listValue(), c.preferredSupplier(), c.signedAt(), c.terminatedAt(),
                            c.terminationEffectiveOn(), c.renewals(), c.termsHistory(), List.copyOf(concessions),
                            Lists.append(c.eventIds(), id)));
                }
                default -> {
                    // account plans fold apart; other unknown or unneeded types are ignored, counted by the caller
                    plans.apply(fact);
                }
            }
        }

        private void addRevenue(YearMonth month, Money revenueDelta, Money costDelta, Instant at, String id) {
            // checked before the account's currency is fixed: a skipped fact must not fix it
            if (!revenueDelta.currency().equals(costDelta.currency())) {
                throw new IllegalArgumentException("cost of sales in another currency than the revenue");
            }
            if (revenueCurrency == null) {
                revenueCurrency = revenueDelta.currency();
            }
            if (!revenueCurrency.equals(revenueDelta.currency())) {
                throw new IllegalArgumentException("revenue in a second currency");
            }
            MonthlyRevenue current = revenue.get(month);
            revenue.put(month, current == null
                    ? new MonthlyRevenue(revenueDelta, costDelta, at, List.of(id))
                    : current.add(revenueDelta, costDelta, at, id));
        }

        private static List<ContractTerms> withTerms(Contract c, ContractTerms terms) {
            List<ContractTerms> history = new ArrayList<>(c.termsHistory());
            history.add(terms);
            return List.copyOf(history);
        }

        private static ContactLevel optLevel(JsonNode d) {
            String level = Json.optText(d, "level");
            return level == null ? null : ContactLevel.valueOf(level);
        }

        /** An event about an item never created (e.g. resolving an unknown request) cannot be applied. */
        private static <V> V known(Map<String, V> items, String id) {
            V item = items.get(id);
            if (item == null) {
                throw new Json.MissingField("known id " + id);
            }
            return item;
        }

        AccountFacts result(String accountId, Instant asOf) {
            return new AccountFacts(accountId, asOf, profile, manager, Collections.unmodifiableMap(new LinkedHashMap<>(team)),
                    potential, Collections.unmodifiableSortedMap(new TreeMap<>(revenue)),
                    Collections.unmodifiableMap(new LinkedHashMap<>(contacts)),
                    Collections.unmodifiableMap(new LinkedHashMap<>(interactions)),
                    Collections.unmodifiableMap(new LinkedHashMap<>(requests)),
                    Collections.unmodifiableMap(new LinkedHashMap<>(complaints)),
                    List.copyOf(competitors), Collections.unmodifiableMap(new LinkedHashMap<>(contracts)),
                    plans.result(), skipped.stream().filter(java.util.Objects::nonNull).toList());
        }
    }
}
