-- Append-only event store of account streams; it doubles as the transactional outbox.
CREATE TABLE account_events (
    position        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The writing transaction: the relay publishes only rows of transactions older than every
    -- transaction still running, so a slow transaction that commits late is never skipped.
    transaction_id  XID8        NOT NULL DEFAULT pg_current_xact_id(),
    event_id        TEXT        NOT NULL,
    stream_id       TEXT        NOT NULL,
    version         BIGINT      NOT NULL CHECK (version > 0),
    event_type      TEXT        NOT NULL,
    schema_version  INTEGER     NOT NULL CHECK (schema_version > 0),
    payload         JSONB       NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    -- SHA-256 of the canonical submission: the same event id with another body is refused.
    request_hash    TEXT        NOT NULL,
    CONSTRAINT account_events_event_id_key UNIQUE (event_id),
    CONSTRAINT account_events_stream_version_key UNIQUE (stream_id, version)
);

CREATE INDEX account_events_publication_order ON account_events (transaction_id, position);
CREATE INDEX account_events_registrations ON account_events (stream_id) WHERE event_type = 'AccountRegistered';

-- Nobody updates or deletes history, not even by mistake.
CREATE FUNCTION account_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'account_events is append-only';
END $$;
CREATE TRIGGER account_events_no_update_delete BEFORE UPDATE OR DELETE ON account_events
    FOR EACH STATEMENT EXECUTE FUNCTION account_events_append_only();

-- Wake the outbox relay when new events commit (NOTIFY is delivered at commit, never before).
CREATE FUNCTION account_events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('account_events_appended', '');
    RETURN NULL;
END $$;
CREATE TRIGGER account_events_appended AFTER INSERT ON account_events
    FOR EACH STATEMENT EXECUTE FUNCTION account_events_notify();

-- How far the relay has published: the (transaction_id, position) of the last row sent to Kafka.
CREATE TABLE outbox_checkpoint (
    relay                TEXT        PRIMARY KEY,
    last_transaction_id  XID8        NOT NULL,
    last_position        BIGINT      NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO outbox_checkpoint (relay, last_transaction_id, last_position) VALUES ('kafka', '0', 0);
