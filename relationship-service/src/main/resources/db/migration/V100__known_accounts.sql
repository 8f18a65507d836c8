-- The accounts account-service has registered, learnt from kam.account.events. Events are accepted only
-- for these; the event store itself comes from kam-service-kit (db/event-store/V1).
CREATE TABLE known_accounts (
    account_id        TEXT        PRIMARY KEY,
    name              TEXT,
    parent_account_id TEXT,
    -- The ce_id of the AccountRegistered event: a redelivery changes nothing.
    source_event_id   TEXT        NOT NULL,
    registered_at     TIMESTAMPTZ,
    learnt_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
