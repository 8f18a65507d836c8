-- The live projection stores its polls with project_facts_bulk too (issue 13: the live projection's rate; V9 made the
-- rebuild several times faster with it, while the live polls, almost all new events in stream order as well, still
-- went through project_fact one element at a time: 7,700-7,900 events a second on the bench's box).
--
-- What changes for that: the live tables have concurrent writers the rebuild's fresh ones did not. Two transactions
-- can store events of the same stream at once: a dead letter replayed while the live projection runs, or, in a
-- consumer group, the old owner of a partition finishing a poll while its new owner starts on the same records.
-- project_fact locks the stream's row (FOR UPDATE) before it reads the highest version; V9's set-based path read it
-- without a lock, so a writer committing in between (say version 5, while this batch holds 6 and 7 and judged the
-- highest to be 4) left a gap recorded for a version that is stored. The batch now locks its streams first, in key
-- order, and judges which elements are new after that.
--
-- Streams that do not exist yet cannot be locked: two writers creating the same one collide on its key, and the
-- batch that loses fails (unique violation); the projection then stores that poll one record at a time, by
-- project_fact, with the same rows and outcomes. Events stored twice at once collide the same way.

CREATE OR REPLACE FUNCTION project_facts_bulk(p_event_ids TEXT[], p_account_ids TEXT[], p_types TEXT[], p_sources TEXT[],
                                   p_topics TEXT[], p_partitions INTEGER[], p_offsets BIGINT[], p_stream_ids TEXT[],
                                   p_stream_versions BIGINT[], p_occurred_at TIMESTAMPTZ[], p_recorded_at TIMESTAMPTZ[],
                                   p_data TEXT[])
RETURNS TABLE (ordinal INTEGER, outcome TEXT, gaps_changed BOOLEAN, kept_event_id TEXT)
LANGUAGE plpgsql AS $$
DECLARE
    v_count INTEGER := coalesce(array_length(p_event_ids, 1), 0);
    v_new   BOOLEAN[];
    v_from  INTEGER := 1;
    v_to    INTEGER;
    v_gaps  BOOLEAN[];
BEGIN
    -- The batch's streams that exist, locked in key order (no deadlock between two of these), before anything is
    -- judged: project_fact locks a stream before it reads its highest version, and so must the set-based path.
    PERFORM 1 FROM projected_streams s
        WHERE (s.source, s.stream_id) IN (SELECT e.source, e.stream_id FROM unnest(p_sources, p_stream_ids) AS e(source, stream_id)
                                          WHERE e.stream_id IS NOT NULL)
        ORDER BY s.source, s.stream_id
        FOR UPDATE;
    -- Judged after the locks, so against what the writers before committed (a statement of its own: a fresh snapshot).
    v_new := new_facts_in(p_event_ids, p_sources, p_stream_ids, p_stream_versions);
    WHILE v_from <= v_count LOOP
        v_to := v_from; -- the run of elements alike from v_from
        WHILE v_to < v_count AND v_new[v_to + 1] = v_new[v_from] LOOP
            v_to := v_to + 1;
        END LOOP;
        IF v_new[v_from] THEN
            v_gaps := project_new_facts(p_event_ids[v_from:v_to], p_account_ids[v_from:v_to], p_types[v_from:v_to],
                                        p_sources[v_from:v_to], p_topics[v_from:v_to], p_partitions[v_from:v_to],
                                        p_offsets[v_from:v_to], p_stream_ids[v_from:v_to],
                                        p_stream_versions[v_from:v_to], p_occurred_at[v_from:v_to],
                                        p_recorded_at[v_from:v_to], p_data[v_from:v_to]);
            RETURN QUERY SELECT (v_from + o.i - 1)::INTEGER, 'PROJECTED'::TEXT, v_gaps[o.i], NULL::TEXT
                FROM generate_series(1, v_to - v_from + 1) AS o(i);
        ELSE
            RETURN QUERY SELECT (v_from + r.ordinal - 1)::INTEGER, r.outcome, r.gaps_changed, r.kept_event_id
                FROM project_facts(p_event_ids[v_from:v_to], p_account_ids[v_from:v_to], p_types[v_from:v_to],
                                   p_sources[v_from:v_to], p_topics[v_from:v_to], p_partitions[v_from:v_to],
                                   p_offsets[v_from:v_to], p_stream_ids[v_from:v_to], p_stream_versions[v_from:v_to],
                                   p_occurred_at[v_from:v_to], p_recorded_at[v_from:v_to], p_data[v_from:v_to]) r;
        END IF;
        v_from := v_to + 1;
    END LOOP;
END $$;
