-- CloudEvents ids are unique per source, not globally: two producers may legitimately use the same id. The processed
-- mark becomes (source, event_id), so an event of one producer can never hide another producer's event.
--
-- Rows stored before this migration may lack a source (the header was optional then). They get the source of the
-- producer that owns their topic, so that the same record consumed again (a rebuild) is recognised as a duplicate;
-- rows from a topic no platform service owns get a placeholder that no producer uses.
UPDATE account_facts SET source = CASE topic
        WHEN 'kam.account.events' THEN '/kam-platform/account-service'
        WHEN 'kam.interaction.events' THEN '/kam-platform/relationship-service'
        WHEN 'kam.contract.events' THEN '/kam-platform/relationship-service'
        ELSE 'urn:kam-platform:unknown-source'
    END
    WHERE source IS NULL;
ALTER TABLE account_facts ALTER COLUMN source SET NOT NULL;
ALTER TABLE account_facts DROP CONSTRAINT account_facts_pkey;
ALTER TABLE account_facts ADD CONSTRAINT account_facts_pkey PRIMARY KEY (source, event_id);

-- The event-store stream the event belongs to (CloudEvents extension streamid); null for records of producers that
-- did not send it yet. One event per (source, stream, version): a second one is a reused version, kept out.
ALTER TABLE account_facts ADD COLUMN stream_id TEXT;
CREATE UNIQUE INDEX account_facts_stream_position ON account_facts (source, stream_id, stream_version)
    WHERE stream_id IS NOT NULL;
-- Lookups of an account's facts from one producer without a stream id (see projected_streams.tracked_from).
CREATE INDEX account_facts_untracked ON account_facts (account_id, source) WHERE stream_id IS NULL;

-- Per producer stream: the highest version seen, and how many versions below it were not seen yet. Changed in the
-- transaction that stores the fact, so a redelivered record changes nothing.
CREATE TABLE projected_streams (
    source          TEXT   NOT NULL,
    stream_id       TEXT   NOT NULL,
    account_id      TEXT   NOT NULL,
    highest_version BIGINT NOT NULL,
    -- The first version tracked: versions below it were published without a stream id (older producers) and are
    -- not reported missing.
    tracked_from    BIGINT NOT NULL,
    missing_events  BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (source, stream_id)
);
CREATE INDEX projected_streams_by_account ON projected_streams (account_id) WHERE missing_events > 0;

-- The versions not seen yet, as ranges: a stream can jump by thousands. A late record splits or shrinks its range.
CREATE TABLE stream_gaps (
    source       TEXT   NOT NULL,
    stream_id    TEXT   NOT NULL,
    from_version BIGINT NOT NULL,
    to_version   BIGINT NOT NULL,
    PRIMARY KEY (source, stream_id, from_version),
    FOREIGN KEY (source, stream_id) REFERENCES projected_streams (source, stream_id),
    CHECK (from_version <= to_version)
);

-- Events that arrived with a (source, stream, version) another event already holds. The first is kept; these are
-- recorded once each (a redelivery counts nothing again) for the operators to investigate.
CREATE TABLE stream_version_conflicts (
    source         TEXT        NOT NULL,
    event_id       TEXT        NOT NULL,
    stream_id      TEXT        NOT NULL,
    stream_version BIGINT      NOT NULL,
    kept_event_id  TEXT        NOT NULL,
    topic          TEXT        NOT NULL,
    kafka_partition INTEGER    NOT NULL,
    kafka_offset   BIGINT      NOT NULL,
    detected_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (source, event_id)
);
