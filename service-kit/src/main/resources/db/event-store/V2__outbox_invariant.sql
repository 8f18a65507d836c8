-- The outbox invariant: the relay counts what it publishes, so "events published = rows at or before the
-- checkpoint" can be checked on every pass and audited over the whole store (see service-kit/README.md).
ALTER TABLE outbox_checkpoint
    -- Rows at or before the checkpoint that the relay has sent to Kafka.
    ADD COLUMN published_events        BIGINT      NOT NULL DEFAULT 0,
    -- The audit found every row at or before this point published.
    ADD COLUMN verified_transaction_id XID8        NOT NULL DEFAULT '0',
    ADD COLUMN verified_position       BIGINT      NOT NULL DEFAULT 0,
    -- When the audit last confirmed the invariant. NULL until the first audit: a store written by an earlier version,
    -- whose relay could skip events, is then republished up to its checkpoint once (consumers deduplicate).
    ADD COLUMN verified_at             TIMESTAMPTZ;
