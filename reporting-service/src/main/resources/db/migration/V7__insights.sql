-- Insights (issue 17): what reporting-service concludes about accounts and the portfolio, and the outbox that
-- publishes each change of conclusion to kam.insight.events. Neither table is a read model: a rebuild replaces the
-- read-model tables (rebuild.ReadModelTables) and leaves these alone, so a rebuilt read model that concludes the same
-- as before emits nothing.
--
-- insight_conclusions: the last conclusions recorded per account (kind 'account') and for the whole portfolio (kind
-- 'portfolio', subject 'portfolio'): a JSON document (insight.AccountConclusions / PortfolioConclusions), the account
-- version it was drawn from (facts projected for it; 0 for the portfolio) and when.
CREATE TABLE insight_conclusions (
    kind        TEXT        NOT NULL CHECK (kind IN ('account', 'portfolio')),
    subject     TEXT        NOT NULL,
    version     BIGINT      NOT NULL,
    conclusions TEXT        NOT NULL,
    assessed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (kind, subject)
);

-- insight_outbox: every insight derived, written in the transaction that records the new conclusions. The id is
-- derived from the change and its causes, so deriving the same insight again inserts nothing. The relay publishes
-- rows of committed transactions (transaction_id below the oldest running one) in (transaction_id, position) order
-- and marks them published: per-key order is kept and a late-committing transaction is never stepped over.
CREATE TABLE insight_outbox (
    insight_id     TEXT        PRIMARY KEY,
    position       BIGSERIAL   NOT NULL,
    transaction_id XID8        NOT NULL DEFAULT pg_current_xact_id(),
    insight_type   TEXT        NOT NULL,
    record_key     TEXT        NOT NULL,
    occurred_at    TIMESTAMPTZ NOT NULL,
    payload        TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at   TIMESTAMPTZ
);
CREATE INDEX insight_outbox_unpublished ON insight_outbox (transaction_id, position) WHERE published_at IS NULL;

-- The baseline (README "Insights", first observation). A database without accounts yet (a new installation, the local
-- demo) starts from the empty portfolio: every account is then first seen after the baseline, whenever the first pass
-- runs. A database that already holds accounts (an installation upgraded to insights) gets no row here: its first pass
-- records what is already so as the baseline, silently. The document is what PortfolioConclusions of no account is.
INSERT INTO insight_conclusions (kind, subject, version, conclusions, assessed_at)
    SELECT 'portfolio', 'portfolio', 0,
           '{"majorAccounts":[],"majorGroups":[],"concentrationByAccount":"NO_REVENUE","concentrationByGroup":"NO_REVENUE"}',
           now()
    WHERE NOT EXISTS (SELECT 1 FROM accounts);
