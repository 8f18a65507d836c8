package io.kamplatform.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kamplatform.reporting.application.AccountAssessor;
import io.kamplatform.reporting.application.AccountSummarizer;
import io.kamplatform.reporting.application.AccountSummary;
import io.kamplatform.reporting.application.KeyAccountView;
import io.kamplatform.reporting.application.PortfolioReadModel;
import io.kamplatform.reporting.domain.dependency.AccountHealth;
import io.kamplatform.reporting.domain.dependency.CustomerBasis;
import io.kamplatform.reporting.domain.dependency.DependencyRiskCalculator;
import io.kamplatform.reporting.domain.dependency.DependencyRules;
import io.kamplatform.reporting.domain.facts.AccountFacts;
import io.kamplatform.reporting.domain.facts.RecordedFact;
import io.kamplatform.reporting.domain.margin.MarginPressureCalculator;
import io.kamplatform.reporting.domain.potential.NeglectedPotentialFinder;
import io.kamplatform.reporting.store.IncomingFact;
import io.kamplatform.reporting.store.FactStore;
import io.kamplatform.reporting.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The fold is the oracle: for random portfolios and random asOf, every portfolio report computed from the read model
 * (account summaries stored per point in time, through the real projection statement and PostgreSQL) equals the same
 * report computed by folding every account's history. Events are projected in a shuffled order in three rounds, with
 * the points read (and so stored) between rounds: later rounds bring late and out-of-order events (things that
 * happened before points already stored, facts older than facts already projected), which must invalidate exactly the
 * summaries they make wrong. Each trial has its own account ids and compares only them (the database is shared).
 */
@QuarkusTest
class ReadModelOracleTest {

    static final int TRIALS = 6;
    static final String SOURCE = "/kam-platform/oracle-test";
    static final String RUN = UUID.randomUUID().toString().substring(0, 6);

    @Inject
    FactStore facts;
    @Inject
    PortfolioReadModel readModel;
    @Inject
    AccountAssessor assessor;
    @Inject
    DependencyRules rules;
    @Inject
    ObjectMapper mapper;
    @Inject
    AccountSummarizer summarizer;

    @Test
    void theReadModelAnswersEveryPortfolioReportAsTheFoldDoes() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int trial = 0; trial < TRIALS; trial++) {
            Instant start = LocalDate.of(1960 - 10 * trial, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
            String prefix = "T" + trial + "-" + RUN;
            List<IncomingFact> events = new Portfolio(random, prefix, start).events();
            List<IncomingFact> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, random);
            List<Instant> asOfs = asOfs(random, start);
            List<IncomingFact> projected = new ArrayList<>();
            int third = shuffled.size() / 3;
            for (int round = 0; round < 3; round++) {
                List<IncomingFact> batch = shuffled.subList(round * third, round == 2 ? shuffled.size() : (round + 1) * third);
                for (int i = 0; i < batch.size(); i += 97) {
                    facts.projectBatch(batch.subList(i, Math.min(batch.size(), i + 97))).await().atMost(Duration.ofSeconds(30));
                }
                projected.addAll(batch);
                for (Instant asOf : asOfs) {
                    compare(prefix, projected, asOf, "seed " + seed + ", trial " + trial + ", round " + round + ", asOf " + asOf);
                }
                compareCurrent(prefix, projected, "seed " + seed + ", trial " + trial + ", round " + round + ", now");
            }
        }
    }

    private void compare(String prefix, List<IncomingFact> projected, Instant asOf, String what) throws Exception {
        // The oracle: fold every account's whole history (in projection order; times are distinct) at asOf.
        Map<String, List<RecordedFact>> histories = new LinkedHashMap<>();
        for (IncomingFact f : projected) {
            histories.computeIfAbsent(f.accountId(), id -> new ArrayList<>()).add(new RecordedFact(f.eventId(), f.source(),
                    f.type(), f.accountId(), f.occurredAt().toInstant(), mapper.readTree(f.data())));
        }
        List<AccountFacts> folds = new ArrayList<>();
        Map<String, AccountHealth> health = new HashMap<>();
        List<KeyAccountView> views = new ArrayList<>();
        histories.forEach((id, history) -> {
            if (history.stream().noneMatch(f -> !f.occurredAt().isAfter(asOf))) {
                return;
            }
            AccountFacts now = assessor.factsAt(id, history, asOf);
            folds.add(now);
            health.put(id, assessor.health(now, asOf));
            if (now.profile().keyAccount()) {
                views.add(KeyAccountView.of(assessor.assess(id, history, now, asOf)));
            }
        });
        views.sort(java.util.Comparator.comparing(KeyAccountView::accountId));

        PortfolioReadModel.Summaries summaries = readModel.point(asOf, true).await().atMost(Duration.ofSeconds(60));
        // Only this trial's accounts (the database keeps those of earlier runs of this test too).
        List<AccountSummary> read = summaries.accounts().stream().filter(s -> s.accountId().startsWith(prefix + "-")).toList();
        // Asked again without evidence: from the parsed points (the very objects on the third ask), equal to the first.
        List<AccountSummary> again = readModel.point(asOf, false).await().atMost(Duration.ofSeconds(60)).accounts().stream()
                .filter(s -> s.accountId().startsWith(prefix + "-")).toList();
        List<AccountSummary> third = readModel.point(asOf, false).await().atMost(Duration.ofSeconds(60)).accounts().stream()
                .filter(s -> s.accountId().startsWith(prefix + "-")).toList();
        assertThat(again).as("asked again, %s", what).isEqualTo(read.stream().map(AccountSummary::withoutEvidence).toList());
        for (int i = 0; i < again.size(); i++) {
            assertThat(third.get(i)).as("parsed once, %s", what).isSameAs(again.get(i));
        }
        assertThat(read).as("accounts at %s", what).hasSize(folds.size());
        Map<String, AccountHealth> readHealth = new HashMap<>();
        read.forEach(s -> readHealth.put(s.accountId(), s.health()));
        for (CustomerBasis by : CustomerBasis.values()) {
            assertThat(DependencyRiskCalculator.assessInputs(read.stream().map(AccountSummary::dependency).toList(), asOf,
                    readHealth, rules.withBy(by)))
                    .as("dependency risk by %s, %s", by, what)
                    .isEqualTo(DependencyRiskCalculator.assess(folds, asOf, health, rules.withBy(by)));
        }
        if (!folds.isEmpty()) {
            String leaving = folds.get(folds.size() / 2).accountId();
            assertThat(DependencyRiskCalculator.stressTestInputs(read.stream().map(AccountSummary::dependency).toList(),
                    asOf, readHealth, rules, leaving)).as("stress test, %s", what)
                    .isEqualTo(DependencyRiskCalculator.stressTest(folds, asOf, health, rules, leaving));
        }
        assertThat(MarginPressureCalculator.assessInputs(read.stream().map(AccountSummary::margin).toList(), asOf))
                .as("margin pressure, %s", what).isEqualTo(MarginPressureCalculator.assess(folds, asOf));
        assertThat(NeglectedPotentialFinder.findInputs(read.stream().map(AccountSummary::neglected).toList(), asOf))
                .as("neglected potential, %s", what).isEqualTo(NeglectedPotentialFinder.find(folds, asOf));
        assertThat(read.stream().filter(AccountSummary::keyAccount).map(AccountSummary::keyAccountView)
                .sorted(java.util.Comparator.comparing(KeyAccountView::accountId)).toList())
                .as("key accounts (portfolio health, managers), %s", what).isEqualTo(views);
    }

    /**
     * Now: every current summary (read through the in-memory cache of parsed summaries) is the fold of the account's
     * whole history at the instant it states, also after a round of new events (a cached summary is never served
     * once its account moved on); with nothing written since, a read takes them all from the cache (the very objects
     * of the read before).
     */
    private void compareCurrent(String prefix, List<IncomingFact> projected, String what) throws Exception {
        Map<String, List<RecordedFact>> histories = new LinkedHashMap<>();
        for (IncomingFact f : projected) {
            histories.computeIfAbsent(f.accountId(), id -> new ArrayList<>()).add(new RecordedFact(f.eventId(), f.source(),
                    f.type(), f.accountId(), f.occurredAt().toInstant(), mapper.readTree(f.data())));
        }
        Instant now = Instant.now();
        Map<String, AccountSummary> second = null;
        for (String read : List.of("first", "second")) { // the background refresher may store its own in between
            second = mine(prefix, readModel.current(now, false).await().atMost(Duration.ofSeconds(60)));
            assertThat(second.keySet()).as("accounts now, %s read, %s", read, what).isEqualTo(histories.keySet());
            second.forEach((id, summary) -> assertThat(summary)
                    .as("current summary of %s, %s", id, what)
                    .isEqualTo(summarizer.summarize(id, histories.get(id), summary.asOf()).withoutEvidence()));
        }
        // Once nothing is written for them any more (the refresher may store its own copy of a summary just computed),
        // a read takes every summary from the cache: the very objects of the read before.
        boolean fromCache = false;
        for (int attempt = 0; attempt < 20 && !fromCache; attempt++) {
            Map<String, AccountSummary> before = second;
            second = mine(prefix, readModel.current(now, false).await().atMost(Duration.ofSeconds(60)));
            fromCache = second.entrySet().stream().allMatch(e -> e.getValue() == before.get(e.getKey()));
        }
        assertThat(fromCache).as("two reads in a row take every summary from the cache, %s", what).isTrue();
    }

    private static Map<String, AccountSummary> mine(String prefix, PortfolioReadModel.Summaries summaries) {
        Map<String, AccountSummary> byId = new LinkedHashMap<>();
        summaries.accounts().stream().filter(s -> s.accountId().startsWith(prefix + "-")).forEach(s -> byId.put(s.accountId(), s));
        return byId;
    }

    /** Month ends, mid-month days and arbitrary instants across the trial's five years. */
    private static List<Instant> asOfs(Random random, Instant start) {
        List<Instant> asOfs = new ArrayList<>();
        LocalDate first = LocalDate.ofInstant(start, ZoneOffset.UTC);
        for (int i = 0; i < 2; i++) {
            YearMonth month = YearMonth.from(first).plusMonths(6 + random.nextInt(54));
            asOfs.add(month.atEndOfMonth().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1000));
        }
        asOfs.add(start.plus(Duration.ofSeconds(random.nextLong(5L * 365 * 86_400))));
        asOfs.add(first.plusDays(30 + random.nextInt(1800)).atTime(12, 0).toInstant(ZoneOffset.UTC));
        return asOfs;
    }

    /** A random portfolio of a few accounts with every kind of event over five years, times distinct. */
    static final class Portfolio {
        final Random random;
        final String prefix;
        final Instant start;
        final Set<Instant> used = new HashSet<>();
        final List<IncomingFact> events = new ArrayList<>();
        int ids;

        Portfolio(Random random, String prefix, Instant start) {
            this.random = random;
            this.prefix = prefix;
            this.start = start;
        }

        List<IncomingFact> events() {
            int accounts = 6 + random.nextInt(8);
            for (int a = 0; a < accounts; a++) {
                account(prefix + "-A" + a, a == 0 ? null : random.nextInt(5) == 0 ? prefix + "-A" + random.nextInt(a)
                        : random.nextInt(12) == 0 ? prefix + "-GROUP" : null);
            }
            return events;
        }

        void account(String id, String parent) {
            Instant registered = time(start, Duration.ofDays(200));
            add(id, "AccountRegistered", registered, "{\"name\":\"" + id + "\",\"sector\":\"X\",\"country\":\"DE\","
                    + "\"parentAccountId\":" + (parent == null ? "null" : "\"" + parent + "\"") + "}");
            Instant end = start.plus(Duration.ofDays(5 * 365));
            int n = 20 + random.nextInt(40);
            for (int i = 0; i < n; i++) {
                Instant at = time(registered, Duration.between(registered, end));
                String currency = random.nextInt(25) == 0 ? "USD" : "EUR";
                LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
                switch (random.nextInt(17)) {
                    case 0, 1, 2, 3 -> {
                        BigDecimalPair m = money();
                        add(id, "RevenueRecognized", at, "{\"month\":\"" + YearMonth.from(day).minusMonths(random.nextInt(3))
                                + "\",\"revenue\":{\"amount\":\"" + m.a + "\",\"currency\":\"" + currency + "\"},"
                                + "\"costOfSales\":{\"amount\":\"" + m.b + "\",\"currency\":\"" + currency + "\"}}");
                    }
                    case 4 -> add(id, "SalesPotentialAssessed", at, "{\"annualPotential\":{\"amount\":\""
                            + (1000 + random.nextInt(900_000)) + ".00\",\"currency\":\"" + currency + "\"}}");
                    case 5 -> add(id, random.nextInt(4) == 0 ? "KeyAccountDesignationRevoked" : "KeyAccountDesignated", at,
                            "{\"rationale\":\"r\",\"reason\":\"r\"}");
                    case 6 -> add(id, "KeyAccountManagerAssigned", at, Fixtures.manager("kam-" + random.nextInt(3), "M"));
                    case 7 -> add(id, "ContactAdded", at, Fixtures.contact("c-" + random.nextInt(6), roles(), level()));
                    case 8 -> add(id, random.nextBoolean() ? "ContactLeft" : "ContactUpdated", at,
                            "{\"contactId\":\"c-" + random.nextInt(6) + "\",\"buyingRoles\":[" + roles() + "],\"level\":\""
                                    + level() + "\"}");
                    case 9, 10, 11 -> add(id, "InteractionRecorded", at, Fixtures.interaction("i-" + ids++,
                            random.nextBoolean() ? "VISIT" : "EMAIL", "\"c-" + random.nextInt(6) + "\",\"c-" + random.nextInt(6) + "\"",
                            List.of("SALES", "TECHNICAL", "LOGISTICS", "FINANCE").get(random.nextInt(4)), random.nextInt(4) != 0));
                    case 12 -> add(id, random.nextBoolean() ? "ServiceRequestOpened" : "ServiceRequestResolved", at,
                            Fixtures.serviceRequest("sr-" + random.nextInt(5), List.of("LOW", "HIGH", "CRITICAL").get(random.nextInt(3)),
                                    4 + random.nextInt(100)));
                    case 13 -> add(id, random.nextBoolean() ? "ComplaintRaised" : "ComplaintResolved", at,
                            Fixtures.complaint("cp-" + random.nextInt(4), random.nextBoolean() ? "CRITICAL" : "LOW"));
                    case 14 -> {
                        LocalDate startsOn = day.plusDays(random.nextInt(120) - 60);
                        BigDecimalPair m = money();
                        add(id, "ContractSigned", at, "{\"contractId\":\"K-" + random.nextInt(3) + "\",\"startsOn\":\"" + startsOn
                                + "\",\"endsOn\":\"" + startsOn.plusDays(200 + random.nextInt(1000)) + "\",\"annualValue\":{\"amount\":\""
                                + m.b + "\",\"currency\":\"EUR\"},\"listValue\":{\"amount\":\"" + m.a + "\",\"currency\":\"EUR\"},"
                                + "\"preferredSupplier\":" + random.nextBoolean() + "}");
                    }
                    case 15 -> {
                        BigDecimalPair m = money();
                        String type = List.of("ContractRenewed", "ContractAmended", "ContractTerminated").get(random.nextInt(3));
                        add(id, type, at, "{\"contractId\":\"K-" + random.nextInt(3) + "\",\"newEndsOn\":\"" + day.plusDays(300 + random.nextInt(900))
                                + "\",\"annualValue\":{\"amount\":\"" + m.b + "\",\"currency\":\"EUR\"},\"listValue\":{\"amount\":\""
                                + m.a + "\",\"currency\":\"EUR\"},\"effectiveOn\":\"" + day.plusDays(random.nextInt(60)) + "\"}");
                    }
                    default -> add(id, "ConcessionGranted", at, "{\"contractId\":\"K-" + random.nextInt(3) + "\",\"concessionId\":\"x-"
                            + ids++ + "\",\"kind\":\"REBATE\",\"value\":{\"amount\":\"" + money().b + "\",\"currency\":\"" + currency + "\"}}");
                }
            }
        }

        record BigDecimalPair(String a, String b) {
        }

        /** a > 0 with cents; b between 40% and 120% of a. */
        BigDecimalPair money() {
            long cents = 10_000 + random.nextInt(10_000_000);
            long other = cents * (40 + random.nextInt(81)) / 100;
            return new BigDecimalPair(cents / 100 + "." + String.format("%02d", cents % 100),
                    other / 100 + "." + String.format("%02d", other % 100));
        }

        String roles() {
            List<String> all = List.of("DECIDER", "INFLUENCER", "BUYER", "USER", "GATEKEEPER", "SPONSOR");
            Set<String> chosen = new java.util.LinkedHashSet<>();
            for (int i = 0; i <= random.nextInt(3); i++) {
                chosen.add("\"" + all.get(random.nextInt(all.size())) + "\"");
            }
            return String.join(",", chosen);
        }

        String level() {
            return List.of("EXECUTIVE", "MANAGEMENT", "OPERATIONAL").get(random.nextInt(3));
        }

        /** A time in [from, from + span), to the second, not used before. */
        Instant time(Instant from, Duration span) {
            while (true) {
                Instant t = from.plusSeconds(random.nextLong(Math.max(1, span.toSeconds())));
                if (used.add(t)) {
                    return t;
                }
            }
        }

        void add(String accountId, String type, Instant at, String data) {
            events.add(new IncomingFact("evt-" + UUID.randomUUID(), accountId, type, SOURCE,
                    Fixtures.TOPIC_OF.getOrDefault(type, Fixtures.INTERACTIONS), 0, 0, null, null, at.atOffset(ZoneOffset.UTC),
                    null, data));
        }
    }
}
