package io.kamplatform.reporting.application;

import io.kamplatform.reporting.domain.status.KeyStatusCriteria;
import io.kamplatform.reporting.domain.status.KeyStatusInput;
import io.kamplatform.reporting.domain.status.KeyStatusReview;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** The key-account status review at asOf, from the account summaries of the read model (one row per account). */
@ApplicationScoped
public class KeyStatusReports {

    private final KamReports reports;
    private final KeyStatusCriteria criteria;

    public KeyStatusReports(KamReports reports, KeyStatusConfig config) {
        this.reports = reports;
        this.criteria = new KeyStatusCriteria(config.revenueTopPct(), config.potentialTopPct(),
                config.strategicSectors().orElse(java.util.Set.of()), config.strategicPotentialTopPct());
    }

    public KeyStatusCriteria criteria() {
        return criteria;
    }

    public Uni<PortfolioReadModel.Summaries> summaries(Instant asOf, boolean evidence) {
        return summaries(asOf, null, evidence);
    }

    /** The summaries from the facts known by {@code knownAt} (null: every fact projected). */
    public Uni<PortfolioReadModel.Summaries> summaries(Instant asOf, Instant knownAt, boolean evidence) {
        return reports.summaries(asOf, evidence, null, knownAt);
    }

    /** The review over the summaries (run on a worker: the caller's pipeline is off the event loop). */
    public KeyStatusReview review(PortfolioReadModel.Summaries summaries) {
        reports.computing("key-status");
        List<KeyStatusInput> inputs = summaries.accounts().stream().map(s -> new KeyStatusInput(s.accountId(),
                s.neglected().name(), s.keyAccount(), s.sector(), s.neglected().revenueCurrency(), s.neglected().revenue(),
                s.neglected().potential(), s.neglected().eventIds())).toList();
        return KeyStatusReview.review(inputs, criteria, summaries.asOf());
    }
}
