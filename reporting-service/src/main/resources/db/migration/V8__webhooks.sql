-- Webhooks (issue 17; README "Webhooks"): subscriptions kam-admin manages, one delivery per (subscription, insight)
-- and the log of every attempt to deliver it. Independent of the read-model tables (a rebuild leaves them alone).
--
-- webhook_subscriptions: where to send which insights. The secret is stored encrypted (AES-GCM, key from
-- kam.webhooks.encryption-key); filters are arrays, an empty array matches everything.
CREATE TABLE webhook_subscriptions (
    id               UUID        PRIMARY KEY,
    url              TEXT        NOT NULL,
    description      TEXT,
    event_types      TEXT[]      NOT NULL DEFAULT '{}',
    account_ids      TEXT[]      NOT NULL DEFAULT '{}',
    manager_ids      TEXT[]      NOT NULL DEFAULT '{}',
    bands            TEXT[]      NOT NULL DEFAULT '{}',
    secret_encrypted TEXT        NOT NULL,
    enabled          BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One delivery of one insight to one subscription: inserted once (the unique key makes an insight published twice,
-- or consumed again after a restart, a no-op), sent in seq order per (subscription, ordering_key) — the account id, or
-- 'portfolio' —, PENDING until DELIVERED (a 2xx) or DEAD (after the configured number of attempts). body is the
-- CloudEvent exactly as sent, so every retry sends the same bytes. locked_until: the instance sending it holds it
-- until then (a crashed sender's claim expires). attempts counts since it was (re)queued — a re-drive starts again
-- at 0 —, total_attempts numbers the log.
CREATE TABLE webhook_deliveries (
    id              UUID        PRIMARY KEY,
    seq             BIGSERIAL   NOT NULL,
    subscription_id UUID        NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    insight_id      TEXT        NOT NULL,
    insight_type    TEXT        NOT NULL,
    ordering_key    TEXT        NOT NULL,
    body            TEXT        NOT NULL,
    status          TEXT        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'DEAD')),
    attempts        INT         NOT NULL DEFAULT 0,
    total_attempts  INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    locked_until    TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    delivered_at    TIMESTAMPTZ,
    dead_at         TIMESTAMPTZ,
    last_status     INT,
    last_error      TEXT,
    CONSTRAINT webhook_deliveries_once UNIQUE (subscription_id, insight_id)
);
-- The head of each queue: the oldest pending delivery per (subscription, ordering key).
CREATE INDEX webhook_deliveries_pending ON webhook_deliveries (subscription_id, ordering_key, seq) WHERE status = 'PENDING';
-- The delivery log, newest first, per subscription and status.
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (subscription_id, status, seq DESC);

-- Every attempt: when, how long, the HTTP status (null when there was no answer) or the error.
CREATE TABLE webhook_attempts (
    delivery_id  UUID        NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempt      INT         NOT NULL,
    attempted_at TIMESTAMPTZ NOT NULL,
    duration_ms  BIGINT      NOT NULL,
    status_code  INT,
    error        TEXT,
    PRIMARY KEY (delivery_id, attempt)
);
