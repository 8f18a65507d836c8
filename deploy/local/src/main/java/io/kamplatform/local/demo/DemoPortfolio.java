package io.kamplatform.local.demo;

import static io.kamplatform.crmimport.posting.EventData.money;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kamplatform.crmimport.posting.EventData;
import io.kamplatform.crmimport.posting.PlannedEvent;
import io.kamplatform.crmimport.posting.PlannedEvent.Service;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A reproducible demo portfolio: the same seed and the same {@code today} give the same events, byte for byte
 * (event ids {@code demo-<seed>-<account>-<what>} are derived from names, not from counters).
 *
 * <p>About 300 accounts with a lognormal (80/20) revenue distribution, a dozen parent groups, ~24 key accounts
 * with managers, teams, DMU contacts, interactions, contracts with renewals and concessions, service requests and
 * complaints, 24 months of revenue and cost, and the {@link DemoStories}. Events obey the producers' rules: parents
 * registered before children, registrations before anything else, designation before a manager, contacts before
 * the interactions naming them, a contract signed before its renewals and concessions, revenue months not after
 * occurredAt, nothing on or after {@code today}.
 *
 * <p>Keep {@code today} stable between runs against the same database (the launcher stores the first load's date):
 * a different {@code today} shifts the timeline and the services refuse the changed bodies under the same ids.
 */
public final class DemoPortfolio {

    public static final long DEFAULT_SEED = 2026L;
    static final int MONTHS = 24;
    static final int REGULAR_ACCOUNTS = 280;
    static final int GROUPS = 12;
    static final int GENERIC_KEY_ACCOUNTS = 20;
    static final double NORDWIND_SHARE = 0.14;

    private static final String[] NAME_A = {"Adler", "Borealis", "Castello", "Delta", "Eiger", "Fjord", "Granit",
        "Horizon", "Iris", "Juniper", "Kestrel", "Lumen", "Meridian", "Nova", "Orion", "Polaris", "Quarzo", "Riva",
        "Sierra", "Terra", "Ulmen", "Vega", "Weser", "Zenit", "Aurora", "Brenner", "Cobalt", "Dolomit", "Elbe",
        "Falco", "Garda", "Hansa", "Isar", "Jura", "Karst", "Lago", "Mosel", "Nordkap", "Oder", "Pinus"};
    private static final String[] NAME_B = {"Industrial", "Systems", "Logistics", "Foods", "Chemicals", "Components",
        "Energy", "Retail", "Motors", "Packaging", "Textiles", "Medical", "Tools", "Plastics", "Electronics",
        "Construction", "Metals", "Pharma"};
    private static final String[] SECTORS = {"Manufacturing", "Automotive", "Food & Beverage", "Chemicals", "Retail",
        "Logistics", "Pharma", "Energy", "Construction", "Electronics"};
    private static final String[][] COUNTRIES = {{"DE", "GmbH"}, {"IT", "S.p.A."}, {"FR", "SA"}, {"NL", "B.V."},
        {"AT", "GmbH"}, {"CH", "AG"}, {"ES", "S.L."}, {"SE", "AB"}, {"PL", "Sp. z o.o."}, {"BE", "NV"}};
    private static final String[] FIRST = {"Anna", "Marco", "Sophie", "Lukas", "Elena", "Jan", "Chiara", "Pierre",
        "Ingrid", "Tomasz", "Laura", "Felix", "Marta", "Henrik", "Giulia", "Paul", "Nina", "Stefan", "Clara", "Omar"};
    private static final String[] LAST = {"Bauer", "Rossi", "Dubois", "de Vries", "Novak", "Lindqvist", "Moretti",
        "Schmid", "Garcia", "Kowalski", "Peeters", "Huber", "Ferrari", "Lambert", "Jansen", "Berg", "Conti",
        "Keller", "Martin", "Weber"};
    private static final String[][] MANAGERS = {{"kam-01", "Giulia Rossi"}, {"kam-02", "Markus Feld"},
        {"kam-03", "Sara Lindholm"}, {"kam-04", "Pablo Ortega"}, {"kam-05", "Claire Fontaine"},
        {"kam-06", "Jonas Weber"}};
    /** Supplier staff: id, name, function. */
    private static final String[][] STAFF = {{"u-101", "Tobias Kern", "TECHNICAL"}, {"u-102", "Eva Marin", "SERVICE"},
        {"u-103", "Luca Bianchi", "FINANCE"}, {"u-104", "Mia Olsen", "LOGISTICS"}, {"u-105", "David Roth", "TECHNICAL"},
        {"u-106", "Ana Sousa", "SERVICE"}, {"u-107", "Karl Engel", "MANAGEMENT"}, {"u-108", "Lea Wolf", "PRODUCT"},
        {"u-109", "Ivo Petrov", "MARKETING"}, {"u-110", "Rita Costa", "LOGISTICS"}};
    /** Contact templates: roles, level, function. */
    private static final String[][] CONTACT_TEMPLATES = {{"DECIDER,SPONSOR", "EXECUTIVE", "General Management"},
        {"BUYER", "MANAGEMENT", "Procurement"}, {"INFLUENCER", "MANAGEMENT", "Engineering"},
        {"USER", "OPERATIONAL", "Operations"}, {"GATEKEEPER", "OPERATIONAL", "Office of the CEO"},
        {"INFLUENCER,USER", "MANAGEMENT", "Quality"}};

    private DemoPortfolio() {
    }

    /** The portfolio for {@code seed} as it stands on {@code today}: account events first, then relationship events. */
    public static List<PlannedEvent> generate(long seed, LocalDate today) {
        return new Generator(seed, today).run();
    }

    /** One account of the portfolio. */
    private static final class Acc {
        final String id;
        final String name;
        final String sector;
        final String country;
        final String parent;
        double annual;
        double growth;
        double marginStart;
        double marginEnd;
        double potentialFactor;
        boolean key;
        boolean revenue = true;
        final double[] months = new double[MONTHS];
        final double[] margins = new double[MONTHS];

        Acc(String id, String name, String sector, String country, String parent) {
            this.id = id;
            this.name = name;
            this.sector = sector;
            this.country = country;
            this.parent = parent;
        }

        String group() {
            return parent == null ? id : parent;
        }

        double t12() {
            double sum = 0;
            for (int i = MONTHS - 12; i < MONTHS; i++) {
                sum += months[i];
            }
            return sum;
        }
    }

    /** A relationship event before sorting an account's events by time. */
    private record Rel(PlannedEvent event, long order) {
    }

    private static final class Generator {
        private final long seed;
        private final LocalDate today;
        private final Random rnd;
        private final String prefix;
        private final YearMonth firstMonth;
        private final LocalDate start;
        private final Map<String, Acc> accounts = new LinkedHashMap<>();
        private final List<PlannedEvent> registrations = new ArrayList<>();
        private final Map<String, List<PlannedEvent>> accountEvents = new LinkedHashMap<>();
        private final Map<String, List<Rel>> relationshipEvents = new LinkedHashMap<>();
        private final Set<String> eventIds = new HashSet<>();
        private long order;

        Generator(long seed, LocalDate today) {
            this.seed = seed;
            this.today = today;
            this.rnd = new Random(seed);
            this.prefix = "demo-" + seed + "-";
            this.firstMonth = YearMonth.from(today).minusMonths(MONTHS);
            this.start = firstMonth.atDay(1);
        }

        List<PlannedEvent> run() {
            createAccounts();
            shapeRevenue();
            scaleDependency();
            for (Acc acc : accounts.values()) {
                register(acc);
            }
            for (Acc acc : accounts.values()) {
                accountLife(acc);
            }
            List<PlannedEvent> all = new ArrayList<>(registrations);
            accountEvents.values().forEach(events -> {
                List<PlannedEvent> sorted = new ArrayList<>(events);
                sorted.sort(Comparator.comparing(PlannedEvent::occurredAt));
                all.addAll(sorted);
            });
            relationshipEvents.values().forEach(events -> {
                List<Rel> sorted = new ArrayList<>(events);
                sorted.sort(Comparator.comparing((Rel r) -> r.event().occurredAt()).thenComparingLong(Rel::order));
                sorted.forEach(r -> all.add(r.event()));
            });
            return List.copyOf(all);
        }

        // ---- accounts and revenue ----

        private void createAccounts() {
            List<String> groups = new ArrayList<>();
            for (int g = 1; g <= GROUPS; g++) {
                String id = String.format("DEMO-G%02d", g);
                String[] country = COUNTRIES[rnd.nextInt(COUNTRIES.length)];
                Acc parent = new Acc(id, NAME_A[(g * 7) % NAME_A.length] + " Holding " + country[1],
                        SECTORS[rnd.nextInt(SECTORS.length)], country[0], null);
                parent.revenue = false;
                accounts.put(id, parent);
                groups.add(id);
            }
            Acc nordwind = story(new Acc(DemoStories.DEPENDENCY_GROUP, "Nordwind Holding SE", "Logistics", "DE", null));
            nordwind.revenue = false;
            Acc nordDe = story(new Acc(DemoStories.DEPENDENCY_ACCOUNT, "Nordwind Logistik GmbH", "Logistics", "DE",
                    DemoStories.DEPENDENCY_GROUP));
            nordDe.annual = 8_000_000;
            nordDe.growth = 0.08;
            Acc nordNl = story(new Acc("NORDWIND-NL", "Nordwind Logistiek B.V.", "Logistics", "NL",
                    DemoStories.DEPENDENCY_GROUP));
            nordNl.annual = 2_500_000;
            nordNl.growth = 0.05;

            for (int i = 1; i <= REGULAR_ACCOUNTS; i++) {
                String id = String.format("DEMO-%04d", i);
                String[] country = COUNTRIES[rnd.nextInt(COUNTRIES.length)];
                String name = NAME_A[rnd.nextInt(NAME_A.length)] + " " + NAME_B[rnd.nextInt(NAME_B.length)] + " "
                        + country[1];
                String parent = rnd.nextDouble() < 0.15 ? groups.get(rnd.nextInt(groups.size())) : null;
                Acc acc = new Acc(id, name, SECTORS[rnd.nextInt(SECTORS.length)], country[0], parent);
                // Lognormal with sigma 1.7: the top 20% of customers make about 80% of revenue.
                acc.annual = Math.min(3_500_000, Math.max(4_000, 60_000 * Math.exp(1.7 * rnd.nextGaussian())));
                acc.growth = -0.10 + 0.25 * rnd.nextDouble();
                acc.marginStart = 0.22 + 0.16 * rnd.nextDouble();
                acc.marginEnd = acc.marginStart + 0.02 * rnd.nextGaussian();
                acc.potentialFactor = 1.3 + 0.9 * rnd.nextDouble();
                accounts.put(id, acc);
            }

            Acc volta = story(new Acc(DemoStories.MARGIN_SQUEEZE, "Volta Retail Group S.p.A.", "Retail", "IT", null));
            volta.annual = 2_600_000;
            volta.growth = 0.30;
            volta.marginStart = 0.31;
            volta.marginEnd = 0.16;
            Acc bright = story(new Acc(DemoStories.NEGLECTED_POTENTIAL, "Brightwave Labs B.V.", "Electronics", "NL", null));
            bright.annual = 70_000;
            bright.growth = 0.0;
            Acc alpina = story(new Acc(DemoStories.SPONSOR_LEFT, "Alpina Foods AG", "Food & Beverage", "CH", null));
            alpina.annual = 1_800_000;
            alpina.growth = 0.04;
            Acc helix = story(new Acc(DemoStories.HEALTHY_PARTNERSHIP, "Helix Pharma S.p.A.", "Pharma", "IT", null));
            helix.annual = 2_200_000;
            helix.growth = 0.10;
            helix.marginStart = 0.34;
            helix.marginEnd = 0.35;

            for (Acc acc : List.of(nordDe, volta, alpina, helix)) {
                acc.key = true;
            }
            accounts.values().stream()
                    .filter(a -> a.id.startsWith("DEMO-") && !a.id.startsWith("DEMO-G"))
                    .sorted(Comparator.comparingDouble((Acc a) -> -a.annual))
                    .limit(GENERIC_KEY_ACCOUNTS)
                    .forEach(a -> a.key = true);
        }

        private Acc story(Acc acc) {
            acc.marginStart = 0.28;
            acc.marginEnd = 0.28;
            acc.potentialFactor = 1.5;
            accounts.put(acc.id, acc);
            return acc;
        }

        private void shapeRevenue() {
            for (Acc acc : accounts.values()) {
                if (!acc.revenue) {
                    continue;
                }
                double buyProbability = acc.key ? 1.0 : Math.min(1.0, 0.35 + acc.annual / 150_000);
                for (int i = 0; i < MONTHS; i++) {
                    double trend = 1 + acc.growth * (i - 12) / 12.0;
                    double noise = 1 + 0.12 * rnd.nextGaussian();
                    boolean buys = rnd.nextDouble() < buyProbability;
                    double value = buys ? acc.annual / 12 / buyProbability * trend * Math.max(0.5, noise) : 0;
                    acc.months[i] = value;
                    acc.margins[i] = acc.marginStart + (acc.marginEnd - acc.marginStart) * i / (MONTHS - 1.0)
                            + 0.01 * rnd.nextGaussian();
                }
            }
            Acc alpina = accounts.get(DemoStories.SPONSOR_LEFT);
            for (int i = MONTHS - 3; i < MONTHS; i++) {
                alpina.months[i] *= 0.6;
            }
        }

        /** No customer group but Nordwind above 6% of T12 revenue; Nordwind scaled to {@link #NORDWIND_SHARE}. */
        private void scaleDependency() {
            for (int round = 0; round < 5; round++) {
                Map<String, Double> groups = groupT12();
                double others = groups.entrySet().stream()
                        .filter(e -> !e.getKey().equals(DemoStories.DEPENDENCY_GROUP))
                        .mapToDouble(Map.Entry::getValue).sum();
                double nordwind = groups.getOrDefault(DemoStories.DEPENDENCY_GROUP, 0.0);
                double targetNordwind = NORDWIND_SHARE / (1 - NORDWIND_SHARE) * others;
                double total = others + targetNordwind;
                for (Acc acc : accounts.values()) {
                    double groupT12 = groups.getOrDefault(acc.group(), 0.0);
                    double factor = 1.0;
                    if (acc.group().equals(DemoStories.DEPENDENCY_GROUP)) {
                        factor = targetNordwind / nordwind;
                    } else if (groupT12 > 0.06 * total) {
                        factor = 0.06 * total / groupT12;
                    }
                    for (int i = 0; i < MONTHS; i++) {
                        acc.months[i] *= factor;
                    }
                }
            }
        }

        private Map<String, Double> groupT12() {
            Map<String, Double> groups = new LinkedHashMap<>();
            for (Acc acc : accounts.values()) {
                groups.merge(acc.group(), acc.t12(), Double::sum);
            }
            return groups;
        }

        // ---- events ----

        private void register(Acc acc) {
            ObjectNode data = EventData.object();
            data.put("name", acc.name);
            data.put("sector", acc.sector);
            data.put("country", acc.country);
            if (acc.parent != null) {
                data.put("parentAccountId", acc.parent);
            }
            LocalDate day = start.minusDays(60 - (Math.abs(acc.id.hashCode()) % 30));
            registrations.add(event(Service.ACCOUNT, acc, "registered", "AccountRegistered", at(day, 8), data));
        }

        private void accountLife(Acc acc) {
            if (!acc.revenue) {
                return;
            }
            ObjectNode potential = EventData.object();
            double potentialValue = acc.id.equals(DemoStories.NEGLECTED_POTENTIAL) ? 2_400_000
                    : acc.annual * acc.potentialFactor * (1 + Math.max(0, acc.growth));
            potential.set("annualPotential", money(round(potentialValue, -3)));
            potential.put("rationale", acc.id.equals(DemoStories.NEGLECTED_POTENTIAL)
                    ? "Opening three new R&D sites; their sensor demand would make them a top-10 customer"
                    : "Annual planning: wallet share estimate from the account plan");
            account(acc, "potential", "SalesPotentialAssessed", at(start.plusDays(20 + rnd.nextInt(40)), 10), potential);

            for (int i = 0; i < MONTHS; i++) {
                if (acc.months[i] <= 0) {
                    continue;
                }
                YearMonth month = firstMonth.plusMonths(i);
                BigDecimal revenue = round(acc.months[i], 2);
                BigDecimal cost = revenue.multiply(BigDecimal.valueOf(1 - acc.margins[i])).setScale(2, RoundingMode.HALF_UP);
                ObjectNode data = EventData.object();
                data.put("month", month.toString());
                data.set("revenue", money(revenue));
                data.set("costOfSales", money(cost));
                data.put("reference", "INV-" + acc.id + "-" + month);
                account(acc, "rev-" + month, "RevenueRecognized", at(month.atEndOfMonth(), 18), data);
            }

            if (acc.key) {
                keyAccount(acc);
            } else if (acc.id.equals(DemoStories.NEGLECTED_POTENTIAL)) {
                neglected(acc);
            } else if (acc.annual > 50_000 && rnd.nextDouble() < 0.4) {
                LocalDate signed = start.plusDays(30 + rnd.nextInt(300));
                contract(acc, "K1", signed, 12, acc.annual, 0.03 + 0.09 * rnd.nextDouble(), new double[] {0.01},
                        "Standard", false, 0);
            }
        }

        private void keyAccount(Acc acc) {
            boolean helix = acc.id.equals(DemoStories.HEALTHY_PARTNERSHIP);
            boolean alpina = acc.id.equals(DemoStories.SPONSOR_LEFT);
            boolean volta = acc.id.equals(DemoStories.MARGIN_SQUEEZE);
            LocalDate designated = start.plusDays(5 + rnd.nextInt(20));
            ObjectNode designation = EventData.object();
            designation.put("rationale", "Top revenue and potential; complex buying centre across several sites");
            account(acc, "key", "KeyAccountDesignated", at(designated, 9), designation);
            String[] manager = MANAGERS[Math.abs(acc.id.hashCode()) % MANAGERS.length];
            ObjectNode assigned = EventData.object();
            assigned.put("managerId", manager[0]);
            assigned.put("name", manager[1]);
            account(acc, "manager", "KeyAccountManagerAssigned", at(designated.plusDays(1), 9), assigned);

            List<String[]> team = new ArrayList<>();
            int teamSize = helix ? 4 : 1 + rnd.nextInt(3);
            Set<String> functions = new HashSet<>();
            for (int t = 0; team.size() < teamSize && t < 50; t++) {
                String[] member = STAFF[rnd.nextInt(STAFF.length)];
                if (functions.add(member[2])) {
                    team.add(member);
                }
            }
            for (String[] member : team) {
                ObjectNode joined = EventData.object();
                joined.put("memberId", member[0]);
                joined.put("name", member[1]);
                joined.put("function", member[2]);
                account(acc, "team-" + member[0], "AccountTeamMemberJoined", at(designated.plusDays(2), 10), joined);
            }

            // DMU contacts
            List<Integer> templates = new ArrayList<>();
            if (helix) {
                templates.addAll(List.of(0, 1, 2, 3, 4, 5));
            } else if (alpina) {
                templates.addAll(List.of(0, 1, 3));
            } else {
                templates.add(1);
                for (int t : new int[] {0, 2, 3, 4, 5}) {
                    if (rnd.nextDouble() < (t == 0 ? 0.75 : 0.5)) {
                        templates.add(t);
                    }
                }
            }
            List<String> contacts = new ArrayList<>();
            String sponsor = null;
            for (int t : templates) {
                String contactId = acc.id + "-c" + (t + 1);
                String[] template = CONTACT_TEMPLATES[t];
                ObjectNode added = EventData.object();
                added.put("contactId", contactId);
                added.put("name", FIRST[rnd.nextInt(FIRST.length)] + " " + LAST[rnd.nextInt(LAST.length)]);
                added.set("buyingRoles", EventData.strings(List.of(template[0].split(","))));
                added.put("level", template[1]);
                added.put("function", template[2]);
                rel(acc, "contact-" + contactId, "ContactAdded", at(designated.plusDays(3), 11), added);
                contacts.add(contactId);
                if (t == 0) {
                    sponsor = contactId;
                }
            }

            // interactions
            LocalDate sponsorLeft = today.minusDays(40);
            LocalDate lastTwoWay = alpina ? today.minusDays(95) : today.minusDays(helix ? 5 : 3 + rnd.nextInt(50));
            int cadence = helix ? 14 : alpina ? 21 : 20 + rnd.nextInt(30);
            List<String> participants = new ArrayList<>();
            participants.add(manager[0] + "|" + manager[1] + "|SALES");
            team.forEach(m -> participants.add(m[0] + "|" + m[1] + "|" + m[2]));
            int n = 0;
            for (LocalDate day = lastTwoWay; !day.isBefore(designated.plusDays(7)); day = day.minusDays(cadence)) {
                n++;
                String kind = n % 6 == 0 ? "BUSINESS_REVIEW" : helix && n % 5 == 0 ? "WORKSHOP"
                        : new String[] {"VISIT", "MEETING", "CALL", "MEETING", "CALL"}[rnd.nextInt(5)];
                List<String> named = new ArrayList<>();
                named.add(contacts.get(rnd.nextInt(contacts.size())));
                if (kind.equals("BUSINESS_REVIEW") && sponsor != null && !named.contains(sponsor)) {
                    named.add(sponsor);
                }
                if (helix) {
                    for (String c : contacts) {
                        if (!named.contains(c) && rnd.nextDouble() < 0.5) {
                            named.add(c);
                        }
                    }
                }
                int supplierCount = helix ? 4 : 1 + rnd.nextInt(participants.size());
                interaction(acc, "i" + n, day, kind, named, participants.subList(0, Math.min(supplierCount,
                        participants.size())), true, helix || rnd.nextDouble() < 0.7 ? "POSITIVE" : "NEUTRAL");
            }
            if (alpina && sponsor != null) {
                ObjectNode left = EventData.object();
                left.put("contactId", sponsor);
                left.put("reason", "Left the company");
                rel(acc, "contact-left-" + sponsor, "ContactLeft", at(sponsorLeft, 12), left);
                interaction(acc, "mail1", today.minusDays(30), "EMAIL", List.of(), participants.subList(0, 1), false,
                        null);
                ObjectNode competitor = EventData.object();
                competitor.put("competitor", "Rival Foods Packaging");
                competitor.put("threat", "HIGH");
                competitor.put("note", "Their new procurement head invited a competitor to tender");
                rel(acc, "competitor-1", "CompetitorActivityObserved", at(today.minusDays(25), 15), competitor);
            }

            // contracts
            double annual = acc.t12();
            if (volta) {
                contract(acc, "K1", start.plusDays(14), 12, annual / 1.1, 0.10, new double[] {0.19, 0.27},
                        "Standard plus", false, 3);
            } else if (helix) {
                contract(acc, "K1", start.plusDays(20), 36, annual, 0.12, new double[0], "Premium 24/7", true, 0);
            } else if (alpina) {
                contract(acc, "K1", start.plusMonths(3), 12, annual, 0.11, new double[] {0.12}, "Premium", false, 0);
            } else if (acc.id.equals(DemoStories.DEPENDENCY_ACCOUNT)) {
                contract(acc, "K1", start.plusDays(10), 24, annual, 0.14, new double[] {0.15}, "Premium 24/7", true, 1);
            } else {
                double discount = 0.06 + 0.10 * rnd.nextDouble();
                contract(acc, "K1", start.plusDays(14 + rnd.nextInt(60)), 12, annual, discount,
                        new double[] {discount + 0.02 * rnd.nextGaussian(), discount + 0.02 * rnd.nextGaussian()},
                        "Premium", rnd.nextDouble() < 0.3, rnd.nextDouble() < 0.3 ? 1 : 0);
            }

            // service requests and complaints
            int sr = 0;
            for (int i = 0; i < MONTHS; i++) {
                double expected = volta ? (i < 12 ? 0.3 : 1.0 + (i - 12) * 0.4) : helix ? 0.5 : 0.35;
                int count = poisson(expected);
                for (int k = 0; k < count; k++) {
                    LocalDate day = firstMonth.plusMonths(i).atDay(1 + rnd.nextInt(27));
                    if (!day.isBefore(today.minusDays(2))) {
                        continue;
                    }
                    String severity = new String[] {"LOW", "MEDIUM", "MEDIUM", "HIGH", "CRITICAL"}[rnd.nextInt(5)];
                    int sla = switch (severity) {
                        case "LOW" -> 120;
                        case "MEDIUM" -> 72;
                        case "HIGH" -> 24;
                        default -> 8;
                    };
                    int hours = helix ? sla / 2 : (int) (sla * (0.3 + 0.9 * rnd.nextDouble()));
                    serviceRequest(acc, "sr" + (++sr), day, severity, sla, hours);
                }
            }
            if (alpina) {
                serviceRequest(acc, "sr" + (++sr), today.minusDays(15), "HIGH", 24, -1);
                complaint(acc, "cmp1", today.minusDays(20), "HIGH", "Deliveries late three weeks in a row", -1);
            } else if (volta) {
                complaint(acc, "cmp1", today.minusDays(170), "MEDIUM", "Invoice disputes on promotional pricing", 12);
                complaint(acc, "cmp2", today.minusDays(100), "HIGH", "Demands free on-site support for all stores", 20);
                complaint(acc, "cmp3", today.minusDays(35), "HIGH", "Threatens to re-tender unless prices drop", -1);
            } else if (!helix && rnd.nextDouble() < 0.2) {
                complaint(acc, "cmp1", today.minusDays(60 + rnd.nextInt(400)), "MEDIUM", "Late delivery", 7);
            }
            for (DemoPlans.Fact fact : DemoPlans.of(acc.id, today, acc.t12())) {
                account(acc, fact.key(), fact.type(), at(fact.day(), fact.hour()), fact.data());
            }
        }

        private void neglected(Acc acc) {
            String contactId = acc.id + "-c1";
            ObjectNode added = EventData.object();
            added.put("contactId", contactId);
            added.put("name", "Femke Visser");
            added.set("buyingRoles", EventData.strings(List.of("BUYER")));
            added.put("level", "OPERATIONAL");
            added.put("function", "Purchasing");
            LocalDate day = today.minusDays(260);
            rel(acc, "contact-" + contactId, "ContactAdded", at(day, 9), added);
            interaction(acc, "i1", day, "CALL", List.of(contactId), List.of("u-109|Ivo Petrov|MARKETING"), true,
                    "POSITIVE");
        }

        private void interaction(Acc acc, String key, LocalDate day, String kind, List<String> contactIds,
                                 List<String> participants, boolean twoWay, String sentiment) {
            String interactionId = acc.id + "-" + key;
            ObjectNode data = EventData.object();
            data.put("interactionId", interactionId);
            data.put("kind", kind);
            data.set("contactIds", EventData.strings(contactIds));
            ArrayNode people = data.putArray("supplierParticipants");
            for (String p : participants) {
                String[] parts = p.split("\\|");
                ObjectNode person = people.addObject();
                person.put("participantId", parts[0]);
                person.put("name", parts[1]);
                person.put("function", parts[2]);
            }
            data.put("twoWay", twoWay);
            if (sentiment != null) {
                data.put("sentiment", sentiment);
            }
            data.put("summary", kind.equals("BUSINESS_REVIEW") ? "Quarterly business review" : "Regular account contact");
            LocalDate due = day.plusDays(14);
            boolean followUp = twoWay && rnd.nextDouble() < 0.3;
            if (followUp) {
                data.put("followUpDueOn", due.toString());
            }
            rel(acc, "int-" + key, "InteractionRecorded", at(day, 10), data);
            LocalDate completed = day.plusDays(3 + rnd.nextInt(14));
            if (followUp && completed.isBefore(today)) {
                ObjectNode done = EventData.object();
                done.put("interactionId", interactionId);
                done.put("outcome", "Offer sent");
                rel(acc, "followup-" + key, "FollowUpCompleted", at(completed, 16), done);
            }
        }

        /** A contract with renewals every term at the given discounts; {@code concessions} granted after signing. */
        private void contract(Acc acc, String key, LocalDate startsOn, int termMonths, double annualValue,
                              double discount, double[] renewalDiscounts, String serviceLevel, boolean preferred,
                              int concessions) {
            String contractId = acc.id + "-" + key;
            LocalDate endsOn = startsOn.plusMonths(termMonths).minusDays(1);
            double margin = (acc.marginStart) * 100;
            ObjectNode signed = EventData.object();
            signed.put("contractId", contractId);
            signed.put("startsOn", startsOn.toString());
            signed.put("endsOn", endsOn.toString());
            signed.set("annualValue", money(round(annualValue, -2)));
            signed.set("listValue", money(round(annualValue / (1 - discount), -2)));
            signed.put("expectedMarginPct", round(margin, 2));
            signed.put("serviceLevel", serviceLevel);
            signed.put("preferredSupplier", preferred);
            rel(acc, "contract-" + key, "ContractSigned", at(startsOn.minusDays(7), 14), signed);
            double value = annualValue;
            for (int r = 0; r < renewalDiscounts.length; r++) {
                LocalDate renewedOn = endsOn.minusMonths(1);
                if (!renewedOn.isBefore(today)) {
                    break;
                }
                endsOn = endsOn.plusMonths(termMonths);
                value = value * (1 + Math.max(0, acc.growth));
                double d = Math.max(0, Math.min(0.6, renewalDiscounts[r]));
                double renewalMargin = margin - (d - discount) * 100 * 0.8;
                ObjectNode renewed = EventData.object();
                renewed.put("contractId", contractId);
                renewed.put("newEndsOn", endsOn.toString());
                renewed.set("annualValue", money(round(value, -2)));
                renewed.set("listValue", money(round(value / (1 - d), -2)));
                renewed.put("expectedMarginPct", round(renewalMargin, 2));
                rel(acc, "contract-" + key + "-renewal-" + (r + 1), "ContractRenewed", at(renewedOn, 14), renewed);
            }
            for (int c = 1; c <= concessions; c++) {
                LocalDate grantedOn = today.minusDays(30 + 90L * (concessions - c) + rnd.nextInt(20));
                if (!grantedOn.isAfter(startsOn.minusDays(7))) {
                    continue;
                }
                ObjectNode concession = EventData.object();
                concession.put("contractId", contractId);
                concession.put("concessionId", contractId + "-con" + c);
                concession.put("kind", c % 3 == 0 ? "FREE_SERVICE" : c % 2 == 0 ? "REBATE" : "EXTRA_DISCOUNT");
                concession.set("value", money(round(value * (0.01 + 0.01 * c), -2)));
                concession.put("note", "Granted at the customer's request");
                rel(acc, "contract-" + key + "-concession-" + c, "ConcessionGranted", at(grantedOn, 15), concession);
            }
        }

        /** A service request, resolved {@code hours} later (negative: still open). */
        private void serviceRequest(Acc acc, String key, LocalDate day, String severity, int slaHours, int hours) {
            String requestId = acc.id + "-" + key;
            ObjectNode opened = EventData.object();
            opened.put("requestId", requestId);
            opened.put("severity", severity);
            opened.put("slaHours", slaHours);
            opened.put("subject", "Delivery or equipment issue");
            Instant openedAt = at(day, 8);
            rel(acc, key + "-opened", "ServiceRequestOpened", openedAt, opened);
            Instant resolvedAt = openedAt.plusSeconds(3600L * Math.max(1, hours));
            if (hours >= 0 && resolvedAt.isBefore(today.atStartOfDay().toInstant(ZoneOffset.UTC))) {
                ObjectNode resolved = EventData.object();
                resolved.put("requestId", requestId);
                resolved.put("resolution", "Fixed on site");
                rel(acc, key + "-resolved", "ServiceRequestResolved", resolvedAt, resolved);
            }
        }

        private void complaint(Acc acc, String key, LocalDate day, String severity, String subject, int days) {
            String complaintId = acc.id + "-" + key;
            ObjectNode raised = EventData.object();
            raised.put("complaintId", complaintId);
            raised.put("severity", severity);
            raised.put("subject", subject);
            rel(acc, key + "-raised", "ComplaintRaised", at(day, 9), raised);
            if (days >= 0 && day.plusDays(days).isBefore(today)) {
                ObjectNode resolved = EventData.object();
                resolved.put("complaintId", complaintId);
                resolved.put("resolution", "Credit note and a corrective action plan");
                rel(acc, key + "-resolved", "ComplaintResolved", at(day.plusDays(days), 17), resolved);
            }
        }

        // ---- plumbing ----

        private int poisson(double mean) {
            double l = Math.exp(-mean);
            double p = 1;
            int k = 0;
            do {
                k++;
                p *= rnd.nextDouble();
            } while (p > l);
            return k - 1;
        }

        private Instant at(LocalDate day, int hour) {
            LocalDate latest = today.minusDays(1);
            LocalDate safe = day.isAfter(latest) ? latest : day;
            return safe.atTime(hour, 0).toInstant(ZoneOffset.UTC);
        }

        private void account(Acc acc, String key, String type, Instant at, ObjectNode data) {
            accountEvents.computeIfAbsent(acc.id, k -> new ArrayList<>())
                    .add(event(Service.ACCOUNT, acc, key, type, at, data));
        }

        private void rel(Acc acc, String key, String type, Instant at, ObjectNode data) {
            relationshipEvents.computeIfAbsent(acc.id, k -> new ArrayList<>())
                    .add(new Rel(event(Service.RELATIONSHIP, acc, key, type, at, data), order++));
        }

        private PlannedEvent event(Service service, Acc acc, String key, String type, Instant at, ObjectNode data) {
            String eventId = prefix + acc.id + "-" + key;
            if (!eventIds.add(eventId)) {
                throw new IllegalStateException("duplicate demo event id " + eventId);
            }
            return new PlannedEvent(service, acc.id, eventId, type, at, data, "demo");
        }

        private static BigDecimal round(double value, int scale) {
            return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).setScale(Math.max(scale, 0));
        }
    }
}
