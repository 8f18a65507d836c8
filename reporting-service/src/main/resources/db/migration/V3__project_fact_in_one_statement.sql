-- Stores one consumed event with its stream bookkeeping in a single statement (one round trip, one transaction):
-- the fact, the stream's highest version, its gaps (opened when versions are skipped, split or shrunk when a late
-- version arrives) and reused versions. Same rules as before, server-side: a per-statement chain of six round trips
-- made the projection several times slower than the topics it follows.
-- outcome: PROJECTED, DUPLICATE (stored before: changes nothing) or VERSION_CONFLICT (another event holds the
-- stream position: the first is kept, this one recorded once in stream_version_conflicts).
CREATE FUNCTION project_fact(p_event_id TEXT, p_account_id TEXT, p_event_type TEXT, p_source TEXT, p_topic TEXT,
                             p_partition INTEGER, p_offset BIGINT, p_stream_id TEXT, p_stream_version BIGINT,
                             p_occurred_at TIMESTAMPTZ, p_recorded_at TIMESTAMPTZ, p_data JSONB,
                             OUT outcome TEXT, OUT gaps_changed BOOLEAN, OUT kept_event_id TEXT)
LANGUAGE plpgsql AS $$
DECLARE
    v_rows         INTEGER;
    v_highest      BIGINT;
    v_tracked_from BIGINT;
    v_from         BIGINT;
    v_to           BIGINT;
BEGIN
    gaps_changed := false;
    INSERT INTO account_facts (event_id, account_id, event_type, source, topic, kafka_partition, kafka_offset, stream_id,
                               stream_version, occurred_at, recorded_at, data)
    VALUES (p_event_id, p_account_id, p_event_type, p_source, p_topic, p_partition, p_offset, p_stream_id,
            p_stream_version, p_occurred_at, p_recorded_at, p_data)
    ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS v_rows = ROW_COUNT;

    IF v_rows = 0 THEN
        -- Either this very event again, or another event at its stream position (a reused version).
        outcome := 'DUPLICATE';
        IF p_stream_id IS NULL
                OR EXISTS (SELECT 1 FROM account_facts WHERE source = p_source AND event_id = p_event_id) THEN
            RETURN;
        END IF;
        SELECT f.event_id INTO kept_event_id FROM account_facts f
            WHERE f.source = p_source AND f.stream_id = p_stream_id AND f.stream_version = p_stream_version;
        IF kept_event_id IS NULL THEN
            RETURN;
        END IF;
        INSERT INTO stream_version_conflicts (source, event_id, stream_id, stream_version, kept_event_id, topic,
                                              kafka_partition, kafka_offset)
        VALUES (p_source, p_event_id, p_stream_id, p_stream_version, kept_event_id, p_topic, p_partition, p_offset)
        ON CONFLICT DO NOTHING;
        GET DIAGNOSTICS v_rows = ROW_COUNT;
        IF v_rows = 1 THEN
            outcome := 'VERSION_CONFLICT';
        ELSE
            kept_event_id := NULL; -- recorded before: a redelivery counts nothing again
        END IF;
        RETURN;
    END IF;

    outcome := 'PROJECTED';
    IF p_stream_id IS NULL THEN
        RETURN; -- a producer without the streamid extension: nothing to track
    END IF;

    SELECT highest_version, tracked_from INTO v_highest, v_tracked_from FROM projected_streams
        WHERE source = p_source AND stream_id = p_stream_id FOR UPDATE;
    IF NOT FOUND THEN
        -- A stream first seen at version v > 1 whose producer sent this account's earlier events without a stream id
        -- (before it had the extension) is tracked from v: those versions did arrive, just unlabelled.
        v_tracked_from := CASE WHEN p_stream_version > 1 AND EXISTS (SELECT 1 FROM account_facts f
                WHERE f.account_id = p_account_id AND f.source = p_source AND f.stream_id IS NULL)
            THEN p_stream_version ELSE 1 END;
        INSERT INTO projected_streams (source, stream_id, account_id, highest_version, tracked_from)
        VALUES (p_source, p_stream_id, p_account_id, v_tracked_from - 1, v_tracked_from)
        ON CONFLICT (source, stream_id) DO NOTHING;
        SELECT highest_version, tracked_from INTO v_highest, v_tracked_from FROM projected_streams
            WHERE source = p_source AND stream_id = p_stream_id FOR UPDATE;
    END IF;

    IF p_stream_version > v_highest THEN
        IF p_stream_version - v_highest > 1 THEN
            INSERT INTO stream_gaps (source, stream_id, from_version, to_version)
            VALUES (p_source, p_stream_id, v_highest + 1, p_stream_version - 1);
            gaps_changed := true;
        END IF;
        UPDATE projected_streams SET highest_version = p_stream_version,
                                     missing_events = missing_events + (p_stream_version - v_highest - 1)
            WHERE source = p_source AND stream_id = p_stream_id;
        RETURN;
    END IF;

    IF p_stream_version < v_tracked_from THEN
        RETURN;
    END IF;
    -- A late version: take it out of its gap.
    DELETE FROM stream_gaps WHERE source = p_source AND stream_id = p_stream_id
        AND from_version <= p_stream_version AND to_version >= p_stream_version
        RETURNING from_version, to_version INTO v_from, v_to;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    IF v_from < p_stream_version THEN
        INSERT INTO stream_gaps (source, stream_id, from_version, to_version)
        VALUES (p_source, p_stream_id, v_from, p_stream_version - 1);
    END IF;
    IF p_stream_version < v_to THEN
        INSERT INTO stream_gaps (source, stream_id, from_version, to_version)
        VALUES (p_source, p_stream_id, p_stream_version + 1, v_to);
    END IF;
    UPDATE projected_streams SET missing_events = missing_events - 1 WHERE source = p_source AND stream_id = p_stream_id;
    gaps_changed := true;
END $$;
