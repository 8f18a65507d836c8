-- Every event consumed from the three topics, once: the history every report (and every asOf) is computed
-- from. The primary key on the CloudEvents id is also the "processed" mark: a redelivered or duplicated record
-- inserts nothing, so the read model changes exactly once per event.
CREATE TABLE account_facts (
    event_id        TEXT        PRIMARY KEY,
    account_id      TEXT        NOT NULL,
    event_type      TEXT        NOT NULL,
    source          TEXT,
    topic           TEXT        NOT NULL,
    kafka_partition INTEGER     NOT NULL,
    kafka_offset    BIGINT      NOT NULL,
    stream_version  BIGINT,
    occurred_at     TIMESTAMPTZ NOT NULL,
    recorded_at     TIMESTAMPTZ,
    data            JSONB       NOT NULL,
    projected_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX account_facts_by_account ON account_facts (account_id, occurred_at, projected_at);
