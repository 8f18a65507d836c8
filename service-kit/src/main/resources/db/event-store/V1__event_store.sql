-- The service's append-only event store; it doubles as the transactional outbox.
-- Shipped by kam-service-kit; services list db/event-store in quarkus.flyway.locations and number their
-- own migrations from V100 so the two never collide.
CREATE TABLE event_store (
    position        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The writing transaction: the relay publishes only rows of transactions older than every
    -- transaction still running, so a slow transaction that commits late is never skipped.
    transaction_id  XID8        NOT NULL DEFAULT pg_current_xact_id(),
    event_id        TEXT        NOT NULL,
    stream_id       TEXT        NOT NULL,
    -- The account the event is about: Kafka key and ce_subject. Equal to stream_id for account streams.
    subject         TEXT        NOT NULL,
    version         BIGINT      NOT NULL CHECK (version > 0),
    event_type      TEXT        NOT NULL,
    schema_version  INTEGER     NOT NULL CHECK (schema_version > 0),
    payload         JSONB       NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    -- SHA-256 of the canonical submission: the same event id with another body is refused.
    request_hash    TEXT        NOT NULL,
    CONSTRAINT event_store_event_id_key UNIQUE (event_id),
    CONSTRAINT event_store_stream_version_key UNIQUE (stream_id, version)
);

CREATE INDEX event_store_publication_order ON event_store (transaction_id, position);
CREATE INDEX event_store_subject ON event_store (subject, position);
CREATE INDEX event_store_type_per_stream ON event_store (event_type, stream_id);

-- Nobody updates or deletes history, not even by mistake.
CREATE FUNCTION event_store_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'event_store is append-only';
END $$;
CREATE TRIGGER event_store_no_update_delete BEFORE UPDATE OR DELETE OR TRUNCATE ON event_store
    FOR EACH STATEMENT EXECUTE FUNCTION event_store_append_only();

-- Wake the outbox relay when new events commit (NOTIFY is delivered at commit, never before).
CREATE FUNCTION event_store_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('event_store_appended', '');
    RETURN NULL;
END $$;
CREATE TRIGGER event_store_appended AFTER INSERT ON event_store
    FOR EACH STATEMENT EXECUTE FUNCTION event_store_notify();

-- How far the relay has published: the (transaction_id, position) of the last row sent to Kafka.
CREATE TABLE outbox_checkpoint (
    relay                TEXT        PRIMARY KEY,
    last_transaction_id  XID8        NOT NULL,
    last_position        BIGINT      NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO outbox_checkpoint (relay, last_transaction_id, last_position) VALUES ('kafka', '0', 0);
