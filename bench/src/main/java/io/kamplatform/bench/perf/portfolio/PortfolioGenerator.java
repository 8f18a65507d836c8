package io.kamplatform.bench.perf.portfolio;

import io.kamplatform.bench.reliability.Chunk;
import io.kamplatform.bench.reliability.PlannedItem;
import io.kamplatform.bench.reliability.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * A reproducible portfolio of a given size: the same seed, accounts and years give the same events, byte for byte.
 * Each account is generated from its own random stream, so chunks are built lazily, in any order, while they are
 * posted (a 10,000-account, 5-year portfolio is about 1.2 million events).
 *
 * <p>Shape: parent groups (holdings without revenue, registered first); accounts with a lognormal revenue, about 15%
 * of them in a group and the top 10% key accounts (designation, manager, team); a yearly sales potential; monthly
 * revenue and cost of sales over the years up to {@link #END_MONTH}; DMU contacts; interactions (about 1.5 a month for
 * a key account, 0.3 for the others); service requests and complaints opened and resolved; competitor sightings;
 * and for most accounts a contract with yearly renewals, amendments and concessions. Events respect the producers'
 * rules (parents before children, contacts before the interactions naming them, a contract signed before its renewals
 * and concessions, a revenue month not after its occurredAt, nothing in the future).
 */
public final class PortfolioGenerator {

    /** The last month of the portfolio; {@link #AS_OF} is its last day, the date of the verified revenue report. */
    public static final YearMonth END_MONTH = YearMonth.of(2025, 12);
    public static final String AS_OF = END_MONTH.atEndOfMonth().toString();
    /** Accounts per group on average (the groups themselves are accounts too). */
    static final int ACCOUNTS_PER_GROUP = 25;

    private static final String[] SECTORS = {"Manufacturing", "Automotive", "Food & Beverage", "Chemicals", "Retail",
        "Logistics", "Pharma", "Energy", "Construction", "Electronics"};
    private static final String[] COUNTRIES = {"DE", "IT", "FR", "NL", "AT", "CH", "ES", "SE", "PL", "BE"};
    private static final String[][] CONTACTS = {{"[\"DECIDER\",\"SPONSOR\"]", "EXECUTIVE", "General Management"},
        {"[\"BUYER\"]", "MANAGEMENT", "Procurement"}, {"[\"INFLUENCER\"]", "MANAGEMENT", "Engineering"},
        {"[\"USER\"]", "OPERATIONAL", "Operations"}, {"[\"GATEKEEPER\"]", "OPERATIONAL", "Office of the CEO"},
        {"[\"INFLUENCER\",\"USER\"]", "MANAGEMENT", "Quality"}};
    private static final String[] KINDS = {"VISIT", "MEETING", "CALL", "EMAIL", "PRESENTATION", "BUSINESS_REVIEW", "WORKSHOP"};
    private static final String[] SEVERITIES = {"LOW", "MEDIUM", "HIGH", "CRITICAL"};
    private static final String[] FUNCTIONS = {"TECHNICAL", "SERVICE", "FINANCE", "LOGISTICS", "PRODUCT", "MARKETING"};
    private static final String[] CONCESSIONS = {"EXTRA_DISCOUNT", "REBATE", "FREE_SERVICE", "PAYMENT_TERMS",
        "EXPEDITED_DELIVERY"};

    private final long seed;
    private final int accounts;
    private final int years;
    private final int groups;
    private final String prefix;
    private final YearMonth firstMonth;
    private final YearMonth windowStart;

    public PortfolioGenerator(long seed, int accounts, int years) {
        if (years < 1 || years > 50) {
            throw new IllegalArgumentException("years must be 1..50");
        }
        this.seed = seed;
        this.accounts = accounts;
        this.years = years;
        this.groups = Math.max(1, accounts / ACCOUNTS_PER_GROUP);
        this.prefix = "P" + seed + "-";
        this.firstMonth = END_MONTH.minusMonths(12L * years - 1);
        this.windowStart = END_MONTH.minusMonths(11);
    }

    public int accounts() {
        return accounts;
    }

    public String accountId(int index) {
        return prefix + "%06d".formatted(index);
    }

    String groupId(int index) {
        return prefix + "G" + "%04d".formatted(index);
    }

    /** The month before the portfolio starts: revenue posted there by the workloads stays out of the verified window. */
    public YearMonth monthBeforeStart() {
        return firstMonth.minusMonths(1);
    }

    public boolean isKeyAccount(int index) {
        return profile(index).key();
    }

    /** The parent groups' registrations: one chunk to post (and have acknowledged) before every other. */
    public Chunk groups() {
        List<PlannedItem> items = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            EventList events = new EventList(Writer.ACCOUNT, groupId(g));
            Random rnd = AccountProfile.random(seed, -1 - g);
            events.add("registered", "AccountRegistered", at(firstMonth.atDay(1).minusDays(90), 8),
                    "{\"name\":\"Group " + groupId(g) + " Holding\",\"sector\":\"" + pick(rnd, SECTORS)
                            + "\",\"country\":\"" + pick(rnd, COUNTRIES) + "\"}");
            items.addAll(events.sorted());
        }
        return new Chunk(items, List.of());
    }

    /** The accounts in chunks of {@code accountsPerChunk}, each built when the iterator reaches it. */
    public Iterator<Chunk> chunks(int accountsPerChunk) {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < accounts;
            }

            @Override
            public Chunk next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                List<PlannedItem> accountItems = new ArrayList<>();
                List<PlannedItem> relationshipItems = new ArrayList<>();
                for (int end = Math.min(accounts, next + accountsPerChunk); next < end; next++) {
                    AccountEvents events = account(next);
                    accountItems.addAll(events.account());
                    relationshipItems.addAll(events.relationship());
                }
                return new Chunk(accountItems, relationshipItems);
            }
        };
    }

    /** Counts what the portfolio holds by generating it once (a few seconds for a million events). */
    public Census census() {
        long accountEvents = groups;
        long relationshipEvents = 0;
        int keyAccounts = 0;
        for (int i = 0; i < accounts; i++) {
            AccountEvents events = account(i);
            accountEvents += events.account().size();
            relationshipEvents += events.relationship().size();
            keyAccounts += profile(i).key() ? 1 : 0;
        }
        return new Census(accounts, groups, keyAccounts, accountEvents, relationshipEvents);
    }

    AccountProfile profile(int index) {
        return AccountProfile.of(seed, index, accountId(index), groups, prefix + "G");
    }

    /** Both writers' events of one account, each in time order. */
    public record AccountEvents(List<PlannedItem> account, List<PlannedItem> relationship) {
    }

    AccountEvents account(int index) {
        AccountProfile p = profile(index);
        Random rnd = new Random(AccountProfile.random(seed, index).nextLong() ^ 0x5DEECE66DL); // the events' own stream
        EventList acc = new EventList(Writer.ACCOUNT, p.id());
        EventList rel = new EventList(Writer.RELATIONSHIP, p.id());
        LocalDate start = firstMonth.atDay(1);
        LocalDate end = END_MONTH.atEndOfMonth();

        acc.add("registered", "AccountRegistered", at(start.minusDays(5 + rnd.nextInt(40)), 8),
                "{\"name\":\"Account " + p.id() + "\",\"sector\":\"" + pick(rnd, SECTORS) + "\",\"country\":\""
                        + pick(rnd, COUNTRIES) + "\"" + (p.parentId() == null ? "" : ",\"parentAccountId\":\""
                        + p.parentId() + "\"") + "}");
        for (int y = 0; y < years; y++) {
            double potential = p.annualRevenue() * (1.3 + rnd.nextDouble());
            acc.add("potential-" + (firstMonth.getYear() + y), "SalesPotentialAssessed",
                    at(firstMonth.plusMonths(12L * y).atDay(10 + rnd.nextInt(10)), 10),
                    "{\"annualPotential\":" + money(round(potential, -3)) + ",\"rationale\":\"Yearly account plan\"}");
        }
        for (int m = 0; m < 12 * years; m++) {
            YearMonth month = firstMonth.plusMonths(m);
            if (!p.buysEveryMonth() && rnd.nextDouble() < 0.4) {
                continue;
            }
            double trend = 1 + p.growth() * (m - 12.0 * years) / 12.0;
            BigDecimal revenue = round(Math.max(100, p.annualRevenue() / 12 * Math.max(0.3, trend)
                    * (1 + 0.15 * rnd.nextGaussian())), 2);
            BigDecimal cost = revenue.multiply(BigDecimal.valueOf(1 - p.margin() + 0.02 * rnd.nextGaussian()))
                    .setScale(2, RoundingMode.HALF_UP).max(BigDecimal.ZERO);
            acc.add("rev-" + month, "RevenueRecognized", at(month.atEndOfMonth(), 18),
                    "{\"month\":\"" + month + "\",\"revenue\":" + money(revenue) + ",\"costOfSales\":" + money(cost)
                            + ",\"reference\":\"INV-" + p.id() + "-" + month + "\"}",
                    month.isBefore(windowStart) ? BigDecimal.ZERO : revenue);
        }
        if (p.key()) {
            LocalDate designated = start.plusDays(10 + rnd.nextInt(20));
            acc.add("key", "KeyAccountDesignated", at(designated, 9), "{\"rationale\":\"Top revenue and potential\"}");
            acc.add("manager", "KeyAccountManagerAssigned", at(designated.plusDays(1), 9),
                    "{\"managerId\":\"kam-%02d\",\"name\":\"Manager %02d\"}".formatted(index % 40, index % 40));
            int team = 1 + rnd.nextInt(3);
            for (int t = 0; t < team; t++) {
                acc.add("team-" + t, "AccountTeamMemberJoined", at(designated.plusDays(2), 10 + t),
                        "{\"memberId\":\"u-%03d\",\"name\":\"Staff %03d\",\"function\":\"%s\"}".formatted(
                                (index + t * 7) % 200, (index + t * 7) % 200, FUNCTIONS[(index + t) % FUNCTIONS.length]));
            }
        }

        int contacts = p.key() ? 4 + rnd.nextInt(3) : 1 + rnd.nextInt(3);
        for (int c = 0; c < contacts; c++) {
            String[] template = CONTACTS[c % CONTACTS.length];
            rel.add("contact-" + c, "ContactAdded", at(start.plusDays(3), 9 + c),
                    "{\"contactId\":\"c-%d\",\"name\":\"Contact %d\",\"buyingRoles\":%s,\"level\":\"%s\",\"function\":\"%s\"}"
                            .formatted(c, c, template[0], template[1], template[2]));
        }
        int interactions = 0;
        int requests = 0;
        int complaints = 0;
        double interactionRate = p.key() ? 1.5 : 0.3;
        for (int m = 0; m < 12 * years; m++) {
            YearMonth month = firstMonth.plusMonths(m);
            for (int n = poisson(rnd, interactionRate); n > 0; n--) {
                LocalDate day = month.atDay(1 + rnd.nextInt(month.lengthOfMonth()));
                rel.add("int-" + interactions, "InteractionRecorded", at(day.isBefore(start.plusDays(4)) ? start.plusDays(4) : day, 10),
                        ("{\"interactionId\":\"i-%d\",\"kind\":\"%s\",\"contactIds\":[\"c-%d\"],\"supplierParticipants\":"
                                + "[{\"participantId\":\"kam-%02d\",\"function\":\"SALES\"}],\"twoWay\":true,\"sentiment\":\"%s\"}")
                                .formatted(interactions, pick(rnd, KINDS), rnd.nextInt(contacts), index % 40,
                                        rnd.nextDouble() < 0.8 ? "POSITIVE" : "NEGATIVE"));
                interactions++;
            }
            if (rnd.nextDouble() < 0.15) {
                LocalDate opened = month.atDay(1 + rnd.nextInt(month.lengthOfMonth()));
                rel.add("sr-" + requests, "ServiceRequestOpened", at(opened, 8),
                        "{\"requestId\":\"sr-%d\",\"severity\":\"%s\",\"slaHours\":%d,\"subject\":\"Request %d\"}".formatted(
                                requests, SEVERITIES[rnd.nextInt(3)], 24 * (1 + rnd.nextInt(3)), requests));
                LocalDate resolved = opened.plusDays(rnd.nextInt(4));
                if (!resolved.isAfter(end)) {
                    rel.add("sr-" + requests + "-resolved", "ServiceRequestResolved", at(resolved, 17),
                            "{\"requestId\":\"sr-%d\",\"resolution\":\"fixed\"}".formatted(requests));
                }
                requests++;
            }
            if (rnd.nextDouble() < 0.03) {
                LocalDate raised = month.atDay(1 + rnd.nextInt(month.lengthOfMonth()));
                rel.add("cp-" + complaints, "ComplaintRaised", at(raised, 9),
                        "{\"complaintId\":\"cp-%d\",\"severity\":\"%s\",\"subject\":\"Complaint %d\"}".formatted(
                                complaints, SEVERITIES[rnd.nextInt(3)], complaints));
                LocalDate resolved = raised.plusDays(2 + rnd.nextInt(9));
                if (!resolved.isAfter(end)) {
                    rel.add("cp-" + complaints + "-resolved", "ComplaintResolved", at(resolved, 16),
                            "{\"complaintId\":\"cp-%d\",\"resolution\":\"credited\"}".formatted(complaints));
                }
                complaints++;
            }
        }
        for (int y = 0; y < years; y++) {
            if (rnd.nextDouble() < 0.7) {
                rel.add("competitor-" + y, "CompetitorActivityObserved",
                        at(firstMonth.plusMonths(12L * y + rnd.nextInt(12)).atDay(12), 11),
                        "{\"competitor\":\"Rival %d\",\"threat\":\"%s\"}".formatted(rnd.nextInt(5),
                                SEVERITIES[rnd.nextInt(3)]));
            }
        }
        if (p.contract()) {
            contract(p, rnd, rel, start, end);
        }
        return new AccountEvents(acc.sorted(), rel.sorted());
    }

    /** A contract signed in the first months, renewed every year before it ends, amended and conceded now and then. */
    private void contract(AccountProfile p, Random rnd, EventList rel, LocalDate start, LocalDate end) {
        String contractId = p.id() + "-K1";
        LocalDate signed = start.plusDays(20 + rnd.nextInt(60));
        LocalDate endsOn = signed.plusYears(1).minusDays(1);
        double annual = Math.max(1_000, p.annualRevenue() * 0.9);
        double discount = 0.03 + 0.12 * rnd.nextDouble();
        rel.add("k1-signed", "ContractSigned", at(signed, 12), ("{\"contractId\":\"%s\",\"startsOn\":\"%s\",\"endsOn\":\"%s\","
                + "\"annualValue\":%s,\"listValue\":%s,\"expectedMarginPct\":%d,\"serviceLevel\":\"%s\","
                + "\"preferredSupplier\":%s}").formatted(contractId, signed, endsOn, money(round(annual, 2)),
                money(round(annual / (1 - discount), 2)), 10 + rnd.nextInt(25), p.key() ? "Premium 24/7" : "Standard",
                p.key()));
        int concessions = 0;
        for (int year = 0; ; year++) {
            LocalDate yearStart = signed.plusYears(year);
            for (int n = rnd.nextInt(3); n > 0; n--) {
                LocalDate day = yearStart.plusDays(1 + rnd.nextInt(330));
                if (!day.isAfter(end)) {
                    rel.add("k1-concession-" + concessions, "ConcessionGranted", at(day, 13),
                            "{\"contractId\":\"%s\",\"concessionId\":\"cc-%d\",\"kind\":\"%s\",\"value\":%s}".formatted(
                                    contractId, concessions, pick(rnd, CONCESSIONS), money(round(annual * 0.01 * (1 + rnd.nextInt(3)), 2))));
                    concessions++;
                }
            }
            LocalDate amended = yearStart.plusDays(150 + rnd.nextInt(60));
            if (rnd.nextDouble() < 0.2 && !amended.isAfter(end)) {
                annual *= 1.05;
                rel.add("k1-amended-" + year, "ContractAmended", at(amended, 14),
                        "{\"contractId\":\"%s\",\"annualValue\":%s,\"listValue\":%s,\"expectedMarginPct\":%d,\"reason\":\"Scope added\"}"
                                .formatted(contractId, money(round(annual, 2)), money(round(annual / (1 - discount), 2)),
                                        10 + rnd.nextInt(25)));
            }
            LocalDate renewed = endsOn.minusDays(30);
            if (renewed.isAfter(end)) {
                return;
            }
            endsOn = endsOn.plusYears(1);
            discount = Math.min(0.4, discount + 0.02 * rnd.nextGaussian() + 0.005);
            rel.add("k1-renewed-" + year, "ContractRenewed", at(renewed, 15),
                    "{\"contractId\":\"%s\",\"newEndsOn\":\"%s\",\"annualValue\":%s,\"listValue\":%s,\"expectedMarginPct\":%d}"
                            .formatted(contractId, endsOn, money(round(annual, 2)),
                                    money(round(annual / (1 - Math.max(0, discount)), 2)), 10 + rnd.nextInt(25)));
        }
    }

    private static int poisson(Random rnd, double rate) {
        double limit = Math.exp(-rate);
        double product = rnd.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= rnd.nextDouble();
            n++;
        }
        return n;
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }

    private static String pick(Random rnd, String[] values) {
        return values[rnd.nextInt(values.length)];
    }

    private static BigDecimal round(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).setScale(Math.max(0, scale), RoundingMode.UNNECESSARY);
    }

    static String money(BigDecimal amount) {
        return "{\"amount\":\"" + amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString() + "\",\"currency\":\"EUR\"}";
    }
}
