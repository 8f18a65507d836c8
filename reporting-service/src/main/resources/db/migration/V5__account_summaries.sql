-- Read models for the portfolio reports: per account and point in time, the figures every portfolio report needs
-- (AccountSummary: dependency, health, margin and potential inputs, the key-account view), so a portfolio report
-- reads one small row per account instead of folding every event.
--
-- accounts: every account with a projected fact, when its first fact happened and a version that goes up with every
-- fact projected for it (in the projection's transaction). A summary remembers the version it was computed from.
CREATE TABLE accounts (
    account_id        TEXT        PRIMARY KEY,
    first_occurred_at TIMESTAMPTZ NOT NULL,
    version           BIGINT      NOT NULL
);
INSERT INTO accounts (account_id, first_occurred_at, version)
    SELECT account_id, min(occurred_at), count(*) FROM account_facts GROUP BY account_id;

-- Summaries at a past point in time (as_of), exact for that instant. A fact that happened at or before as_of and is
-- projected later (a late or out-of-order event) deletes the account's rows at as_of >= its time, in the projection's
-- transaction; they are computed again when asked for. Facts that happened after as_of leave them alone.
CREATE TABLE account_summaries (
    as_of       TIMESTAMPTZ NOT NULL,
    account_id  TEXT        NOT NULL,
    version     BIGINT      NOT NULL,
    key_account BOOLEAN     NOT NULL,
    summary     TEXT        NOT NULL,
    evidence    TEXT        NOT NULL,
    computed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (as_of, account_id)
);
CREATE INDEX account_summaries_by_account ON account_summaries (account_id, as_of);

-- The points kept, and when each was last read: the least recently read are dropped beyond the configured number.
CREATE TABLE summary_points (
    as_of        TIMESTAMPTZ PRIMARY KEY,
    last_read_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The current summary of each account: computed at as_of (recently), from the account's facts at version. Stale when
-- the account's version moved on (a fact was projected since), when it is older than the configured age, or when
-- its month window is not the current one; stale rows are computed again in the background (and on read when few).
CREATE TABLE current_summaries (
    account_id  TEXT        PRIMARY KEY,
    as_of       TIMESTAMPTZ NOT NULL,
    version     BIGINT      NOT NULL,
    key_account BOOLEAN     NOT NULL,
    summary     TEXT        NOT NULL,
    evidence    TEXT        NOT NULL
);

-- The batch statement again, now also keeping accounts and dropping the summaries a projected fact makes wrong: the
-- account's current summary is stale from its version; past summaries at as_of >= the fact's time are deleted. The
-- accounts rows are locked in account order (no deadlock between concurrent batches) before the deletes, so a summary
-- stored concurrently either sees the new version (and is not stored) or is stored first and deleted here.
CREATE OR REPLACE FUNCTION project_facts(p_event_ids TEXT[], p_account_ids TEXT[], p_types TEXT[], p_sources TEXT[],
                              p_topics TEXT[], p_partitions INTEGER[], p_offsets BIGINT[], p_stream_ids TEXT[],
                              p_stream_versions BIGINT[], p_occurred_at TIMESTAMPTZ[], p_recorded_at TIMESTAMPTZ[],
                              p_data TEXT[])
RETURNS TABLE (ordinal INTEGER, outcome TEXT, gaps_changed BOOLEAN, kept_event_id TEXT)
LANGUAGE plpgsql AS $$
DECLARE
    v_result   RECORD;
    v_accounts TEXT[] := '{}';
    v_times    TIMESTAMPTZ[] := '{}';
BEGIN
    FOR i IN 1 .. coalesce(array_length(p_event_ids, 1), 0) LOOP
        SELECT r.outcome, r.gaps_changed, r.kept_event_id INTO v_result
            FROM project_fact(p_event_ids[i], p_account_ids[i], p_types[i], p_sources[i], p_topics[i], p_partitions[i],
                              p_offsets[i], p_stream_ids[i], p_stream_versions[i], p_occurred_at[i], p_recorded_at[i],
                              p_data[i]::jsonb) r;
        IF v_result.outcome = 'PROJECTED' THEN
            v_accounts := v_accounts || p_account_ids[i];
            v_times := v_times || p_occurred_at[i];
        END IF;
        ordinal := i;
        outcome := v_result.outcome;
        gaps_changed := v_result.gaps_changed;
        kept_event_id := v_result.kept_event_id;
        RETURN NEXT;
    END LOOP;
    IF array_length(v_accounts, 1) IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO accounts AS a (account_id, first_occurred_at, version)
        SELECT f.account_id, min(f.occurred_at), count(*) FROM unnest(v_accounts, v_times) AS f(account_id, occurred_at)
            GROUP BY f.account_id ORDER BY f.account_id
        ON CONFLICT (account_id) DO UPDATE SET first_occurred_at = least(a.first_occurred_at, excluded.first_occurred_at),
                                               version = a.version + excluded.version;
    DELETE FROM account_summaries s
        USING (SELECT f.account_id, min(f.occurred_at) AS earliest FROM unnest(v_accounts, v_times) AS f(account_id, occurred_at)
               GROUP BY f.account_id) changed
        WHERE s.account_id = changed.account_id AND s.as_of >= changed.earliest;
END $$;
