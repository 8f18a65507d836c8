package io.kamplatform.reporting.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kamplatform.reporting.application.AccountSummarizer.Summarized;
import io.kamplatform.reporting.domain.facts.RecordedFact;
import io.kamplatform.reporting.projection.ProjectionLag;
import io.kamplatform.reporting.store.AuditedSummaries;
import io.kamplatform.reporting.store.SummaryStore.Stored;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The read models checked while running: one account every {@code audit-every}, in id order round the accounts, has
 * every summary stored for it folded again from its history and compared with the fold. A summary is a cache of that
 * fold; the rules that keep it exact (versions, deletes by late events, the race guards) are tested, and this is the
 * running system's own check of them, and of what no test sees: a release whose formulas changed while the stored
 * summaries were computed by the old ones (month ends are kept until a late event), a restore, a hand edit.
 * <p>
 * What is compared, in one snapshot of the account ({@link AuditedSummaries}): its current summary, when it is at the
 * account's version (a stale one claims nothing, it is counted and left to the refresher), with its health report when
 * stored; and each summary at a past point, all of which must hold (a late event deletes the ones it makes wrong). A
 * difference is logged, counted, and repaired: the current summary made stale, the point deleted, so both are computed
 * again. Metric {@code kam.read-models.audit{result=equal|differed|stale}} counts summaries; an INFO line after each
 * round of all accounts gives the figures. Not while this instance rebuilds, nor while the projection catches up (more
 * than {@code refresh-below-lag} records behind): the cores go to that first.
 */
@ApplicationScoped
public class ReadModelAudit {

    private static final Logger LOG = Logger.getLogger(ReadModelAudit.class);

    /** How one stored summary compared with the fold. */
    public enum Result { EQUAL, DIFFERED, STALE }

    /**
     * One stored summary audited: the account, whether it is the current summary or one at a past point, the instant
     * it answers for, how it compared, and the documents that differed ({@code summary}, {@code evidence}, {@code health},
     * {@code trend}, each with the first-level fields that differ).
     */
    public record Finding(String accountId, boolean current, Instant asOf, Result result, List<String> differences) {
    }

    private final AuditedSummaries store;
    private final AccountSummarizer summarizer;
    private final AccountAssessor assessor;
    private final ObjectMapper mapper;
    private final ReadModelConfig config;
    private final ProjectionLag lag;
    private final RebuildUnderway rebuild;
    private final Map<Result, Counter> counters;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile String last = "";
    private Round round = new Round();

    public ReadModelAudit(AuditedSummaries store, AccountSummarizer summarizer, AccountAssessor assessor,
                          ObjectMapper mapper, ReadModelConfig config, ProjectionLag lag, RebuildUnderway rebuild,
                          MeterRegistry registry) {
        this.store = store;
        this.summarizer = summarizer;
        this.assessor = assessor;
        this.mapper = mapper;
        this.config = config;
        this.lag = lag;
        this.rebuild = rebuild;
        this.counters = Map.of(Result.EQUAL, counter(registry, "equal"), Result.DIFFERED, counter(registry, "differed"),
                Result.STALE, counter(registry, "stale"));
    }

    private static Counter counter(MeterRegistry registry, String result) {
        return Counter.builder("kam.read-models.audit").tag("result", result)
                .description("Stored summaries the read-model audit folded again and compared: equal, differed (then "
                        + "repaired), or stale (a current summary its account moved on from: not compared)")
                .register(registry);
    }

    void start(@Observes StartupEvent started, Vertx vertx) {
        if (!config.auditEvery().isZero()) {
            vertx.setPeriodic(config.auditEvery().toMillis(), id -> next());
        }
    }

    /** Audits the next account in id order, unless an audit is running, a rebuild is, or the projection catches up. */
    private void next() {
        if (rebuild.now() || lag.current().lagRecords() > config.refreshBelowLag() || !running.compareAndSet(false, true)) {
            return;
        }
        auditNext().ifNoItem().after(STUCK_AFTER).fail().subscribe().with(findings -> running.set(false), failure -> {
            running.set(false);
            LOG.debugf("read-model audit not done: %s", failure.getMessage());
        });
    }

    /** An audit that has not finished after this is given up (the next tick starts one), so the audit never stops. */
    static final Duration STUCK_AFTER = Duration.ofMinutes(1);

    /**
     * Audits the account after the last one audited this way, in the database's id order, back to the first after the
     * last: the round the timer goes (one at a time: the timer starts one only when the last has finished). An account
     * that cannot be audited is logged and passed, so one account never stops the round.
     */
    public Uni<List<Finding>> auditNext() {
        return store.next(last).chain(found -> found.map(next -> audit(next.accountId())
                        .onFailure().recoverWithItem(failure -> {
                            LOG.warnf("Read-model audit: %s not audited: %s", next.accountId(), failure.toString());
                            return List.<Finding>of();
                        })
                        .invoke(findings -> rounded(next, findings)))
                .orElse(Uni.createFrom().item(List.of())));
    }

    /** Audits one account's stored summaries now (empty for an unknown account). */
    public Uni<List<Finding>> audit(String accountId) {
        return store.of(accountId).chain(found -> found.map(this::audit).orElse(Uni.createFrom().item(List.of())));
    }

    private Uni<List<Finding>> audit(AuditedSummaries.Account account) {
        return Uni.createFrom().item(() -> compare(account)).chain(findings -> repair(account, findings));
    }

    /** Counts and logs the findings, and has every summary that differed computed again. */
    private Uni<List<Finding>> repair(AuditedSummaries.Account account, List<Finding> findings) {
        record(account.accountId(), findings);
        Uni<Boolean> repairs = Uni.createFrom().item(true);
        for (Finding f : findings) {
            if (f.result() == Result.DIFFERED) {
                Stored row = f.current() ? account.current()
                        : account.points().stream().filter(p -> p.asOf().equals(f.asOf())).findFirst().orElseThrow();
                repairs = repairs.chain(() -> f.current() ? store.recomputeCurrent(row) : store.recomputePoint(row));
            }
        }
        return repairs.replaceWith(findings);
    }

    /** Every stored summary of the account against the fold of its history at the same instant. */
    private List<Finding> compare(AuditedSummaries.Account account) {
        List<RecordedFact> history = assessor.history(account.history());
        List<Finding> findings = new ArrayList<>();
        Stored current = account.current();
        if (current != null) {
            if (current.version() != account.version()) {
                findings.add(new Finding(account.accountId(), true, current.asOf(), Result.STALE, List.of()));
            } else {
                Summarized fold = summarizer.summarizeCurrent(account.accountId(), upTo(history, current.asOf()),
                        current.asOf());
                findings.add(finding(current, true,
                        SummaryDocuments.write(mapper, fold, current.version(), current.health() != null)));
            }
        }
        for (Stored point : account.points()) {
            Summarized fold = new Summarized(summarizer.summarize(account.accountId(), upTo(history, point.asOf()),
                    point.asOf()), null);
            findings.add(finding(point, false, SummaryDocuments.write(mapper, fold, point.version(), false)));
        }
        return findings;
    }

    /** The facts that happened by {@code asOf}: what the read models fold for that instant. */
    private static List<RecordedFact> upTo(List<RecordedFact> history, Instant asOf) {
        return history.stream().filter(f -> !f.occurredAt().isAfter(asOf)).toList();
    }

    private Finding finding(Stored stored, boolean current, Stored folded) {
        List<String> differences = SummaryDifferences.between(mapper, stored, folded);
        return new Finding(stored.accountId(), current, stored.asOf(),
                differences.isEmpty() ? Result.EQUAL : Result.DIFFERED, differences);
    }

    private void record(String accountId, List<Finding> findings) {
        for (Finding f : findings) {
            counters.get(f.result()).increment();
            if (f.result() == Result.DIFFERED) {
                LOG.warnf("Read-model audit: the %s summary of %s%s differs from the fold of its history (%s); it will "
                                + "be computed again. Many such lines after an upgrade mean the release changed what summaries "
                                + "hold: rebuild the read models (POST /api/admin/read-models/rebuild).",
                        f.current() ? "current" : "stored", accountId, f.current() ? "" : " at " + f.asOf(),
                        String.join("; ", f.differences()));
            }
        }
    }

    /** The round goes on past {@code next}; back at the first account (ids wrapped round), its figures are logged. */
    private synchronized void rounded(AuditedSummaries.Next next, List<Finding> findings) {
        if (next.wrapped() && round.accounts > 0) {
            LOG.infof("Read-model audit: a round of %,d accounts in %,d s: %,d summaries equal to the fold, %,d differed "
                            + "(computed again), %,d current ones stale (not compared)", round.accounts,
                    (System.nanoTime() - round.startedAt) / 1_000_000_000L, round.equal, round.differed, round.stale);
            round = new Round();
        }
        round.accounts++;
        findings.forEach(f -> round.add(f.result()));
        last = next.accountId();
    }

    /** One round of all accounts, for its log line. */
    private static final class Round {
        final long startedAt = System.nanoTime();
        long accounts;
        long equal;
        long differed;
        long stale;

        void add(Result result) {
            switch (result) {
                case EQUAL -> equal++;
                case DIFFERED -> differed++;
                case STALE -> stale++;
            }
        }
    }

}
