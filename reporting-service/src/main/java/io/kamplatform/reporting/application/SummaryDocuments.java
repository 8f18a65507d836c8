package io.kamplatform.reporting.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kamplatform.reporting.application.AccountSummarizer.Summarized;
import io.kamplatform.reporting.store.SummaryStore.Stored;
import java.io.UncheckedIOException;

/** A summary as the read models store it: its documents as JSON text, written one way by everyone who stores or checks one. */
final class SummaryDocuments {

    private SummaryDocuments() {
    }

    /**
     * The summary as stored at {@code version}; with the account's health report for now when {@code withHealth} and it
     * was summarized for that ({@link AccountSummarizer#summarizeCurrent}; a key account's assessment in a point summary
     * is not stored).
     */
    static Stored write(ObjectMapper mapper, Summarized summarized, long version, boolean withHealth) {
        AccountSummary summary = summarized.summary();
        AccountAssessment assessment = withHealth ? summarized.assessment() : null;
        try {
            return new Stored(summary.accountId(), summary.asOf(), version, summary.keyAccount(),
                    mapper.writeValueAsString(summary.withoutEvidence()), mapper.writeValueAsString(summary.evidence()),
                    assessment == null ? null : mapper.writeValueAsString(assessment.health()),
                    assessment == null ? null : mapper.writeValueAsString(assessment.trend()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
