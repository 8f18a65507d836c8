package io.kamplatform.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kamplatform.reporting.domain.facts.AccountFacts;
import io.kamplatform.reporting.domain.facts.RecordedFact;
import io.kamplatform.reporting.store.IncomingFact;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link AccountFacts#foldAt} reads one pass out at several instants; each read-out must equal the fold at that instant
 * alone. Random histories with every kind of event, plus what could break a pass read out midway: facts at exactly an
 * instant, facts sharing a time (their given order decides), repeated (source, event id) pairs on both sides of an
 * instant, malformed data, another account's fact, instants repeated or before every fact.
 */
class FoldAtTest {

    static final int TRIALS = 40;

    final ObjectMapper mapper = new ObjectMapper();

    @Test
    void eachReadOutEqualsTheFoldAtItsInstant() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int trial = 0; trial < TRIALS; trial++) {
            Instant start = LocalDate.of(2015, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
            Map<String, List<RecordedFact>> histories = new LinkedHashMap<>();
            for (IncomingFact f : new ReadModelOracleTest.Portfolio(random, "F" + trial, start).events()) {
                histories.computeIfAbsent(f.accountId(), id -> new ArrayList<>()).add(recorded(f.eventId(), f.source(),
                        f.type(), f.accountId(), f.occurredAt().toInstant(), f.data()));
            }
            for (Map.Entry<String, List<RecordedFact>> account : histories.entrySet()) {
                List<RecordedFact> history = adversarial(random, account.getKey(), account.getValue());
                List<Instant> instants = instants(random, history, start);
                List<AccountFacts> readOuts = AccountFacts.foldAt(account.getKey(), history, instants);
                assertThat(readOuts).hasSize(instants.size());
                for (int i = 0; i < instants.size(); i++) {
                    assertThat(readOuts.get(i))
                            .as("seed %d, trial %d, %s at %s", seed, trial, account.getKey(), instants.get(i))
                            .isEqualTo(AccountFacts.fold(account.getKey(), history, instants.get(i)));
                }
            }
        }
    }

    @Test
    void instantsOutOfOrderAreRefused() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        assertThatThrownBy(() -> AccountFacts.foldAt("A", List.of(), List.of(t, t.minusSeconds(1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The history with repeats, ties, malformed data and another account's fact mixed in, in random places. */
    private List<RecordedFact> adversarial(Random random, String accountId, List<RecordedFact> history) throws Exception {
        List<RecordedFact> mixed = new ArrayList<>(history);
        for (int i = 0; i < 1 + history.size() / 8; i++) {
            RecordedFact some = history.get(random.nextInt(history.size()));
            switch (random.nextInt(4)) {
                // the same (source, id) again, at another time: the first in time order counts
                case 0 -> mixed.add(random.nextInt(mixed.size() + 1), new RecordedFact(some.eventId(), some.source(),
                        some.type(), some.accountId(), some.occurredAt().plusSeconds(random.nextInt(200_000) - 100_000),
                        some.data()));
                // another event at the same time: the given order decides
                case 1 -> mixed.add(random.nextInt(mixed.size() + 1), recorded("tie-" + i, some.source(),
                        "InteractionRecorded", accountId, some.occurredAt(), "{\"interactionId\":\"tie-" + i
                                + "\",\"kind\":\"VISIT\",\"contactIds\":[],\"supplierFunctions\":[],\"twoWay\":true}"));
                // a fact missing the field the fold needs
                case 2 -> mixed.add(random.nextInt(mixed.size() + 1), recorded("bad-" + i, some.source(),
                        "ContractSigned", accountId, some.occurredAt().plusSeconds(1), "{}"));
                default -> mixed.add(random.nextInt(mixed.size() + 1), recorded("other-" + i, some.source(),
                        "AccountRegistered", "OTHER", some.occurredAt(), "{\"name\":\"Other\"}"));
            }
        }
        return mixed;
    }

    /** Ascending instants: some exactly at a fact's time, some repeated, one before every fact. */
    private static List<Instant> instants(Random random, List<RecordedFact> history, Instant start) {
        List<Instant> instants = new ArrayList<>();
        instants.add(start.minusSeconds(1));
        for (int i = 0; i < 6; i++) {
            Instant at = random.nextBoolean() ? history.get(random.nextInt(history.size())).occurredAt()
                    : start.plusSeconds(random.nextLong(6L * 365 * 86_400));
            instants.add(at);
            if (random.nextInt(4) == 0) {
                instants.add(at);
            }
        }
        instants.sort(null);
        return instants;
    }

    private RecordedFact recorded(String eventId, String source, String type, String accountId, Instant at, String data)
            throws Exception {
        return new RecordedFact(eventId, source, type, accountId, at, mapper.readTree(data));
    }
}
