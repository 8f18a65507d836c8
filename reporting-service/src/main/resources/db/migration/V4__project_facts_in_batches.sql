-- Stores a batch of consumed events in one statement, so one round trip and one transaction: each element goes
-- through project_fact (V3) in the order given (per-partition order of the batch), with the same rules, and the
-- outcome of each is returned by its 1-based position. Either the whole batch commits or nothing does: when one
-- element is rejected (e.g. data PostgreSQL refuses as JSONB, 22P05), the caller projects the batch again one record
-- at a time, so only that record is dead-lettered.
CREATE FUNCTION project_facts(p_event_ids TEXT[], p_account_ids TEXT[], p_types TEXT[], p_sources TEXT[],
                              p_topics TEXT[], p_partitions INTEGER[], p_offsets BIGINT[], p_stream_ids TEXT[],
                              p_stream_versions BIGINT[], p_occurred_at TIMESTAMPTZ[], p_recorded_at TIMESTAMPTZ[],
                              p_data TEXT[])
RETURNS TABLE (ordinal INTEGER, outcome TEXT, gaps_changed BOOLEAN, kept_event_id TEXT)
LANGUAGE plpgsql AS $$
DECLARE
    v_result RECORD;
BEGIN
    FOR i IN 1 .. coalesce(array_length(p_event_ids, 1), 0) LOOP
        SELECT r.outcome, r.gaps_changed, r.kept_event_id INTO v_result
            FROM project_fact(p_event_ids[i], p_account_ids[i], p_types[i], p_sources[i], p_topics[i], p_partitions[i],
                              p_offsets[i], p_stream_ids[i], p_stream_versions[i], p_occurred_at[i], p_recorded_at[i],
                              p_data[i]::jsonb) r;
        ordinal := i;
        outcome := v_result.outcome;
        gaps_changed := v_result.gaps_changed;
        kept_event_id := v_result.kept_event_id;
        RETURN NEXT;
    END LOOP;
END $$;
