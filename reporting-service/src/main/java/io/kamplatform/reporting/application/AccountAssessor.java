package io.kamplatform.reporting.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kamplatform.reporting.domain.dependency.AccountHealth;
import io.kamplatform.reporting.domain.dmu.DmuMap;
import io.kamplatform.reporting.domain.facts.AccountFacts;
import io.kamplatform.reporting.domain.facts.RecordedFact;
import io.kamplatform.reporting.domain.health.HealthModel;
import io.kamplatform.reporting.domain.health.HealthTrend;
import io.kamplatform.reporting.domain.health.KamHealth;
import io.kamplatform.reporting.domain.health.KamHealthCalculator;
import io.kamplatform.reporting.domain.stage.RelationshipStageClassifier;
import io.kamplatform.reporting.store.StoredFact;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Assesses an account from its history: folds the facts as of asOf (and 30 and 90 days before, for the trend
 * and the stage), then scores health, classifies the stage and maps the DMU. Pure apart from JSON parsing.
 */
@ApplicationScoped
public class AccountAssessor {

    static final Duration MONTH = Duration.ofDays(30);
    static final Duration QUARTER = Duration.ofDays(90);

    private final ObjectMapper mapper;
    private final HealthModel model;

    public AccountAssessor(ObjectMapper mapper, HealthModel model) {
        this.mapper = mapper;
        this.model = model;
    }

    /** The stored facts read once, for as many folds as a report needs. */
    public List<RecordedFact> history(List<StoredFact> stored) {
        return stored.stream().map(this::toRecorded).toList();
    }

    public AccountFacts factsAt(String accountId, List<RecordedFact> history, Instant asOf) {
        return AccountFacts.fold(accountId, history, asOf);
    }

    /** The health score now (null without data) and the data coverage it rests on: all the portfolio figures need. */
    public AccountHealth health(AccountFacts facts, Instant asOf) {
        return health(facts, asOf, model);
    }

    /** The same under another health model. */
    public AccountHealth health(AccountFacts facts, Instant asOf, HealthModel model) {
        KamHealth health = KamHealthCalculator.assess(facts, asOf, model);
        return new AccountHealth(health.score(), health.dataCoveragePct());
    }

    /** The default health model. */
    public HealthModel model() {
        return model;
    }

    public AccountAssessment assess(String accountId, List<StoredFact> stored, Instant asOf) {
        return assess(accountId, stored, asOf, model);
    }

    /** The full assessment under {@code model}. */
    public AccountAssessment assess(String accountId, List<StoredFact> stored, Instant asOf, HealthModel model) {
        return assessFolded(accountId, history(stored), asOf, model);
    }

    /** The full assessment, folding the history at asOf, 30 and 90 days back in one pass. */
    public AccountAssessment assessFolded(String accountId, List<RecordedFact> history, Instant asOf, HealthModel model) {
        List<AccountFacts> folds = AccountFacts.foldAt(accountId, history,
                List.of(asOf.minus(QUARTER), asOf.minus(MONTH), asOf));
        return assess(folds.get(2), folds.get(1), folds.get(0), asOf, model);
    }

    /** The full assessment, given the history and its fold at {@code asOf} (30 and 90 days back folded in one pass). */
    public AccountAssessment assess(String accountId, List<RecordedFact> history, AccountFacts now, Instant asOf) {
        return assess(accountId, history, now, asOf, model);
    }

    /** The same under another health model. */
    public AccountAssessment assess(String accountId, List<RecordedFact> history, AccountFacts now, Instant asOf,
                                    HealthModel model) {
        List<AccountFacts> past = AccountFacts.foldAt(accountId, history, List.of(asOf.minus(QUARTER), asOf.minus(MONTH)));
        return assess(now, past.get(1), past.get(0), asOf, model);
    }

    private static AccountAssessment assess(AccountFacts now, AccountFacts monthAgoFacts, AccountFacts quarterAgoFacts,
                                            Instant asOf, HealthModel model) {
        KamHealth health = KamHealthCalculator.assess(now, asOf, model);
        KamHealth monthAgo = KamHealthCalculator.assess(monthAgoFacts, asOf.minus(MONTH), model);
        KamHealth quarterAgo = KamHealthCalculator.assess(quarterAgoFacts, asOf.minus(QUARTER), model);
        return new AccountAssessment(now, health, HealthTrend.of(health, monthAgo, quarterAgo),
                RelationshipStageClassifier.classify(now, health, quarterAgo, asOf), DmuMap.of(now, asOf));
    }

    private RecordedFact toRecorded(StoredFact fact) {
        try {
            return new RecordedFact(fact.eventId(), fact.source(), fact.type(), fact.accountId(), fact.occurredAt().toInstant(),
                    mapper.readTree(fact.data()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored fact " + fact.eventId() + " is not JSON", e);
        }
    }
}
