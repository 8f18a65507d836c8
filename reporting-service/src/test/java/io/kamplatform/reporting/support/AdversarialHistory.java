package io.kamplatform.reporting.support;

import io.kamplatform.reporting.store.IncomingFact;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * A seeded history of consumed events, in delivery order, with everything the projection's rules are about: events
 * of several sources in several streams per account, mostly in stream order, and among them skipped versions (gaps),
 * some arriving late, redelivered events, reused versions (version conflicts, also at a version that arrives late
 * after), events without a stream id before and after streams first seen above version 1, a stream id without a
 * usable version, and the same event id from another source. Every event of a stream, and every copy of an event,
 * has its stream's account, so a topic keyed by account keeps their order. {@link #clean()}: only new events in
 * stream order (with lost versions), as a replay into empty tables mostly sees.
 */
public final class AdversarialHistory {

    public static final List<String> SOURCES = List.of("/kam-platform/account-service",
            "/kam-platform/relationship-service", "/crm/partner-feed");
    public static final String TOPIC = "kam.account.events";
    static final int ACCOUNT_COUNT = 8;
    /** The default accounts, as a SQL array literal's body: {@code ['ADV-1', ...]}. */
    public static final String ACCOUNTS_SQL = accounts("ADV").stream().map(a -> "'" + a + "'")
            .collect(Collectors.joining(", ", "[", "]"));
    static final OffsetDateTime START = OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final Random random;
    private final String prefix;
    private final List<String> accounts;
    private final List<Stream> streams = new ArrayList<>();
    private final List<IncomingFact> sent = new ArrayList<>();
    private final List<IncomingFact> late = new ArrayList<>();
    private boolean clean;
    private long sequence;

    private static final class Stream {
        final String source;
        final String id;
        final String account;
        long next = 1;

        Stream(String source, String id, String account) {
            this.source = source;
            this.id = id;
            this.account = account;
        }
    }

    public AdversarialHistory(long seed) {
        this(seed, "ADV");
    }

    /** Accounts {@code prefix-1} to {@code prefix-8}; event and stream ids start with the prefix too. */
    public AdversarialHistory(long seed, String prefix) {
        this.random = new Random(seed);
        this.prefix = prefix;
        this.accounts = accounts(prefix);
        for (String account : accounts) {
            for (String source : SOURCES) {
                for (int s = 1; s <= 2; s++) {
                    streams.add(new Stream(source, account + "/s" + s, account));
                }
            }
        }
    }

    public static List<String> accounts(String prefix) {
        List<String> accounts = new ArrayList<>();
        for (int i = 1; i <= ACCOUNT_COUNT; i++) {
            accounts.add(prefix + "-" + i);
        }
        return accounts;
    }

    public List<String> accounts() {
        return accounts;
    }

    /** Only new events in stream order from now on. */
    public AdversarialHistory clean() {
        clean = true;
        return this;
    }

    /** {@code count} events in random batches of 1 to 400. */
    public List<List<IncomingFact>> batches(int count) {
        List<IncomingFact> events = events(count);
        List<List<IncomingFact>> batches = new ArrayList<>();
        for (int from = 0; from < events.size(); ) {
            int to = Math.min(events.size(), from + 1 + random.nextInt(400));
            batches.add(List.copyOf(events.subList(from, to)));
            from = to;
        }
        return batches;
    }

    /** The next {@code count} events in delivery order. */
    public List<IncomingFact> events(int count) {
        List<IncomingFact> events = new ArrayList<>(count);
        while (events.size() < count) {
            IncomingFact fact = next();
            if (fact != null) {
                events.add(fact);
                sent.add(fact);
            }
        }
        return events;
    }

    private IncomingFact next() {
        int dice = random.nextInt(100);
        if (clean) {
            return dice < 85 ? inStream(pick(streams)) : untracked();
        }
        if (dice < 55) {
            return inStream(pick(streams));
        } else if (dice < 63) {
            return late.isEmpty() ? null : late.remove(random.nextInt(late.size()));
        } else if (dice < 71) {
            return sent.isEmpty() ? null : again(pick(sent));
        } else if (dice < 76) {
            return reusedVersion();
        } else if (dice < 87) {
            return untracked();
        } else if (dice < 91) {
            Stream s = pick(streams);
            return fact(s.account, s.source, s.id, random.nextBoolean() ? 0L : null);
        } else if (dice < 95) {
            return sent.isEmpty() ? null : sameIdOtherSource(pick(sent));
        }
        return inStream(pick(streams));
    }

    /** The stream's next version, sometimes after skipped ones (most arrive late, some never); a stream not started
     * yet sometimes starts above 1 (its producer sent the earlier events without a stream id). */
    private IncomingFact inStream(Stream s) {
        if (s.next == 1 && random.nextInt(5) == 0) {
            s.next = 2 + random.nextInt(4);
        } else if (random.nextInt(8) == 0) {
            int skipped = 1 + random.nextInt(4);
            for (int i = 0; i < skipped; i++) {
                IncomingFact missing = fact(s.account, s.source, s.id, s.next++);
                if (!clean && random.nextInt(10) < 7) {
                    late.add(missing);
                }
            }
        }
        return fact(s.account, s.source, s.id, s.next++);
    }

    private IncomingFact reusedVersion() {
        Stream s = pick(streams);
        if (s.next == 1) {
            return null;
        }
        return fact(s.account, s.source, s.id, 1 + (long) random.nextInt((int) Math.min(s.next + 1, Integer.MAX_VALUE)));
    }

    private IncomingFact untracked() {
        String account = pick(accounts);
        return fact(account, pick(SOURCES), null, random.nextBoolean() ? null : 1L + random.nextInt(5));
    }

    /** A redelivery: the same event, from a later offset (as a dead letter replayed, or a producer's retry). */
    private IncomingFact again(IncomingFact f) {
        return new IncomingFact(f.eventId(), f.accountId(), f.type(), f.source(), f.topic(), f.partition(), ++sequence,
                f.streamId(), f.streamVersion(), f.occurredAt(), f.recordedAt(), f.data());
    }

    private IncomingFact sameIdOtherSource(IncomingFact f) {
        String source = SOURCES.get((SOURCES.indexOf(f.source()) + 1) % SOURCES.size());
        return new IncomingFact(f.eventId(), f.accountId(), "AdversarialTestEvent", source, TOPIC,
                partition(f.accountId()), ++sequence, null, null, time(), null, "{\"other\": true}");
    }

    private IncomingFact fact(String account, String source, String streamId, Long version) {
        long n = ++sequence;
        OffsetDateTime occurred = time();
        OffsetDateTime recorded = random.nextBoolean() ? null : occurred.plusHours(random.nextInt(100));
        return new IncomingFact(prefix + "-evt-" + n, account, "AdversarialTestEvent", source, TOPIC, partition(account), n,
                streamId, version, occurred, recorded, "{\"n\": " + n + "}");
    }

    private OffsetDateTime time() {
        return START.plusDays(random.nextInt(730)).plusMinutes(random.nextInt(1440));
    }

    private static int partition(String account) {
        return Math.floorMod(account.hashCode(), 3);
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
