package io.kamplatform.reporting.rebuild;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kamplatform.reporting.application.AccountAssessor;
import io.kamplatform.reporting.application.AccountSummarizer;
import io.kamplatform.reporting.application.CurrentStatesMirror;
import io.kamplatform.reporting.application.SummariesInFlight;
import io.kamplatform.reporting.application.CurrentSummaryCache;
import io.kamplatform.reporting.application.ParsedPoints;
import io.kamplatform.reporting.application.PortfolioReadModel;
import io.kamplatform.reporting.application.ReadModelConfig;
import io.kamplatform.reporting.application.RebuildUnderway;
import io.kamplatform.reporting.deadletter.DeadLetterTopics;
import io.kamplatform.reporting.projection.CloudEventRecordReader;
import io.kamplatform.reporting.projection.GapGauges;
import io.kamplatform.reporting.store.IncomingFact;
import io.kamplatform.reporting.projection.ProjectionConfig;
import io.kamplatform.reporting.store.FactStore;
import io.kamplatform.reporting.store.SummaryStore;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Rebuilds the read models from the topics while the live ones keep answering: replays the three topics (and their
 * dead letters) from the beginning into a fresh set of tables through the projection's own SQL, computes the fresh
 * set's current summaries, then switches it in atomically ({@link ReadModelTables#switchIn}); the live projection
 * goes on into it. One rebuild at a time per instance, on a thread of its own; {@link #progress()} says where it stands.
 */
@ApplicationScoped
public class ReadModelRebuild {

    /** A rebuild is running already. */
    public static class AlreadyRunning extends RuntimeException {
        AlreadyRunning(String message) {
            super(message);
        }
    }

    private static final Logger LOG = Logger.getLogger(ReadModelRebuild.class);
    static final int MAX_POLL_RECORDS = 5000;
    static final Duration LOCK_TIMEOUT = Duration.ofSeconds(2);
    static final int MAX_SWITCH_ATTEMPTS = 30;

    private final ReadModelTables tables;
    private final FreshTablesPool pools;
    private final CloudEventRecordReader reader;
    private final DeadLetterTopics deadLetterTopics;
    private final Map<String, Object> kafka;
    private final List<String> topics;
    private final AccountSummarizer summarizer;
    private final AccountAssessor assessor;
    private final ObjectMapper mapper;
    private final ReadModelConfig config;
    private final ProjectionConfig projection;
    private final GapGauges gaps;
    private final Clock clock;
    private final RebuildUnderway underway;
    private final CurrentStatesMirror states;
    private final AtomicReference<RebuildProgress> progress = new AtomicReference<>(RebuildProgress.IDLE);

    public ReadModelRebuild(ReadModelTables tables, FreshTablesPool pools, CloudEventRecordReader reader,
                            DeadLetterTopics deadLetterTopics, @Identifier("default-kafka-broker") Map<String, Object> kafka,
                            @ConfigProperty(name = "mp.messaging.incoming.account-events.topic") String accountTopic,
                            @ConfigProperty(name = "mp.messaging.incoming.interaction-events.topic") String interactionTopic,
                            @ConfigProperty(name = "mp.messaging.incoming.contract-events.topic") String contractTopic,
                            AccountSummarizer summarizer, AccountAssessor assessor, ObjectMapper mapper,
                            ReadModelConfig config, ProjectionConfig projection, GapGauges gaps, Clock clock,
                            RebuildUnderway underway, CurrentStatesMirror states) {
        this.underway = underway;
        this.states = states;
        this.tables = tables;
        this.pools = pools;
        this.reader = reader;
        this.deadLetterTopics = deadLetterTopics;
        this.kafka = kafka;
        this.topics = List.of(accountTopic, interactionTopic, contractTopic);
        this.summarizer = summarizer;
        this.assessor = assessor;
        this.mapper = mapper;
        this.config = config;
        this.projection = projection;
        this.gaps = gaps;
        this.clock = clock;
    }

    /** {@code kam.read-models.rebuild-on-start}: after a read-model migration, rebuild from the topics at start. */
    void onStart(@Observes StartupEvent started) {
        if (config.rebuildOnStart()) {
            LOG.info("kam.read-models.rebuild-on-start: rebuilding the read models from the topics");
            try {
                start();
            } catch (AlreadyRunning e) {
                LOG.infof("kam.read-models.rebuild-on-start: not here, %s", e.getMessage());
            }
        }
    }

    public RebuildProgress progress() {
        return progress.get();
    }

    /** Starts a rebuild on a thread of its own; its first progress. */
    public synchronized RebuildProgress start() {
        RebuildProgress now = progress.get();
        if (now.running()) {
            throw new AlreadyRunning("a read-model rebuild is running (" + now.state() + ", started " + now.startedAt()
                    + "); GET /api/admin/read-models/rebuild shows its progress");
        }
        // One rebuild across the instances sharing the database (each would drop the other's fresh tables).
        SqlConnection lock = tables.lockForRebuild().orElseThrow(() -> new AlreadyRunning(
                "a read-model rebuild is running on another instance of reporting-service; its GET shows the progress"));
        RebuildProgress first = new RebuildProgress("REPLAYING", clock.instant(), null, 0, 0, null, 0, null, List.of(), 0, null);
        progress.set(first);
        underway.begin();
        Thread thread = new Thread(() -> {
            try {
                run(first.startedAt());
            } finally {
                underway.end();
                tables.unlock(lock);
            }
        }, "kam-read-model-rebuild");
        thread.setDaemon(true);
        thread.start();
        return first;
    }

    private void run(Instant startedAt) {
        Pool fresh = null;
        try {
            tables.createFresh();
            fresh = pools.open(config.rebuildWriters());
            try (TopicReplay replay = new TopicReplay(kafka, topics, deadLetterTopics, MAX_POLL_RECORDS);
                 ReplayLanes writers = new ReplayLanes(config.rebuildWriters(), new FactStore(fresh), projection)) {
                Run run = new Run(startedAt, writers);
                replayUntilCaughtUp(run, replay);
                run.report("WARMING", replay, null);
                Instant building = clock.instant();
                tables.buildAfterReplay();
                Instant warming = clock.instant();
                warm(fresh);
                LOG.infof("read-model rebuild: %d records replayed in %s, indexes and triggers built in %s, current "
                                + "summaries computed in %s", run.done(), Duration.between(startedAt, building),
                        Duration.between(building, warming), Duration.between(warming, clock.instant()));
                switchIn(run, replay);
                states.tablesSwitched(); // no portfolio report rests on the old tables' states after this
                run.report("DONE", replay, null);
                LOG.infof("read models rebuilt: %d records replayed (%d skipped) in %s", run.done(), run.skipped(),
                        Duration.between(startedAt, clock.instant()));
            }
            gaps.refresh();
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "read-model rebuild failed; the live read models are unchanged");
            RebuildProgress last = progress.get();
            progress.set(new RebuildProgress("FAILED", startedAt, clock.instant(), last.eventsDone(), last.eventsSkipped(),
                    last.eventsPerSecond(), last.lagRecords(), null, last.partitions(), last.switchAttempts(),
                    String.valueOf(e.getMessage())));
            try {
                tables.dropLeftovers();
            } catch (RuntimeException cleanup) {
                LOG.warnf("fresh tables not dropped: %s", cleanup.getMessage());
            }
        } finally {
            if (fresh != null) {
                fresh.closeAndAwait();
            }
        }
    }

    private void replayUntilCaughtUp(Run run, TopicReplay replay) {
        long lastEnds = System.nanoTime();
        while (true) {
            List<ConsumerRecord<String, String>> records = replay.poll();
            store(run, records);
            if (System.nanoTime() - lastEnds > Duration.ofSeconds(1).toNanos() || records.isEmpty()) {
                replay.refreshEnds();
                lastEnds = System.nanoTime();
                run.report("REPLAYING", replay, null);
                if (replay.caughtUp()) {
                    run.writers.awaitStored();
                    return;
                }
            }
        }
    }

    /**
     * Every account's current summary in the fresh tables, so the first reports after the switch read rows; without the
     * account health reports for now, which the live refresher computes after the switch (10,000 accounts, 2026-12-01:
     * the warm-up took 10.3 s of a 58-s rebuild without them; with them the rebuild took 61 s on a similar machine).
     */
    private void warm(Pool fresh) {
        PortfolioReadModel readModel = new PortfolioReadModel(new SummaryStore(fresh), summarizer, assessor, mapper,
                config, clock, CurrentSummaryCache.none(), ParsedPoints.none(),
                SummariesInFlight.none(), null, false, config.rebuildChunkSize());
        int pass = config.rebuildChunkSize() * 4;
        while (readModel.refreshCurrent(pass).await().atMost(Duration.ofMinutes(10)) == pass) {
            // a full pass: there may be more; a shorter one found the last missing summaries
        }
    }

    private void switchIn(Run run, TopicReplay replay) {
        for (int attempt = 1; ; attempt++) {
            run.switchAttempts = attempt;
            run.report("SWITCHING", replay, null);
            try {
                tables.switchIn(() -> {
                    replay.refreshEnds(); // the live tables take no writes now: every record they hold is below these
                    while (!replay.caughtUp()) {
                        store(run, replay.poll());
                    }
                    run.writers.awaitStored();
                }, LOCK_TIMEOUT);
                return;
            } catch (RuntimeException e) {
                if (attempt >= MAX_SWITCH_ATTEMPTS) {
                    throw e;
                }
                LOG.infof("read-model switch attempt %d failed (%s); trying again", attempt, e.getMessage());
                ReplayWriter.sleep(Duration.ofMillis(500));
            }
        }
    }

    /**
     * Reads a poll's records (the unreadable ones are skipped: they are on the dead-letter topics) and hands them to
     * the writers, which store them while the next poll is fetched.
     */
    private void store(Run run, List<ConsumerRecord<String, String>> records) {
        List<IncomingFact> facts = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            try {
                facts.add(reader.read(record));
            } catch (RuntimeException unreadable) {
                run.unreadable++;
            }
        }
        run.writers.write(facts, records.size());
    }

    /** The counters of one rebuild, published as {@link RebuildProgress}. */
    private final class Run {
        final Instant startedAt;
        final ReplayLanes writers;
        long unreadable;
        int switchAttempts;

        Run(Instant startedAt, ReplayLanes writers) {
            this.startedAt = startedAt;
            this.writers = writers;
        }

        long done() {
            return writers.recordsDone();
        }

        long skipped() {
            return unreadable + writers.rejected();
        }

        void report(String state, TopicReplay replay, String error) {
            List<PartitionProgress> partitions = replay.progress();
            long lag = partitions.stream().mapToLong(PartitionProgress::lag).sum();
            long done = done();
            double seconds = Math.max(0.001, Duration.between(startedAt, clock.instant()).toMillis() / 1000.0);
            Double rate = done == 0 ? null : Math.round(done / seconds * 10) / 10.0;
            Long eta = rate == null ? null : (long) Math.ceil(lag / rate);
            progress.set(new RebuildProgress(state, startedAt, state.equals("DONE") ? clock.instant() : null, done,
                    skipped(), rate, lag, eta, partitions, switchAttempts, error));
        }
    }
}
