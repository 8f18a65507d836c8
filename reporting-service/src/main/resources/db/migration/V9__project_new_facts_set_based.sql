-- A batch statement for the read-model rebuild: the same arguments, outcomes and rows as project_facts (V5), with
-- most of the work done by a few set-based statements instead of project_fact once per element. A replay from the
-- beginning into empty tables is almost only new events, each stream's versions in order (a stream's events share a
-- key, so a partition), and there the per-element function (about ten statements per event) was the rebuild's limit.
--
-- An element is "new" when, before the batch, project_fact would certainly store it as PROJECTED and only raise its
-- stream's highest version (opening a gap below it if versions were skipped): no event with its (source, id) stored
-- or earlier in the batch, no stream position taken, a version above its stream's highest one and above every
-- earlier version of its stream in the batch. Every other element (a duplicate, a reused, repeated, late or
-- out-of-order version, a stream id without a version...) goes through project_facts itself, in batch order between
-- the runs of new ones, so the rules stay in one place (V3/V5) and the rows are the same either way.
--
-- Why "before the batch" is enough: an element that is not new either changes nothing project_fact's rules read for
-- a later new element (duplicates, conflicts, late versions only touch their own gap) or is itself earlier in the
-- batch, which the conditions above already look at (same event, same stream).

-- Stores a run of new elements (see above) in order, set-based; per element (by position) whether it opened a gap.
CREATE FUNCTION project_new_facts(p_event_ids TEXT[], p_account_ids TEXT[], p_types TEXT[], p_sources TEXT[],
                                  p_topics TEXT[], p_partitions INTEGER[], p_offsets BIGINT[], p_stream_ids TEXT[],
                                  p_stream_versions BIGINT[], p_occurred_at TIMESTAMPTZ[], p_recorded_at TIMESTAMPTZ[],
                                  p_data TEXT[])
RETURNS BOOLEAN[]
LANGUAGE plpgsql AS $$
DECLARE
    v_gaps BOOLEAN[];
BEGIN
    -- Streams first seen here, as project_fact creates them for their first element: tracked from that version when
    -- the producer sent earlier events of the account without a stream id (stored before, or earlier in the run),
    -- else from 1. Before the run's facts are stored, so that its later elements do not count.
    INSERT INTO projected_streams (source, stream_id, account_id, highest_version, tracked_from)
    SELECT f.source, f.stream_id, f.account_id, t.tracked_from - 1, t.tracked_from
    FROM (SELECT DISTINCT ON (e.source, e.stream_id) e.source, e.stream_id, e.account_id, e.version, e.ord
          FROM unnest(p_sources, p_stream_ids, p_account_ids, p_stream_versions) WITH ORDINALITY
               AS e(source, stream_id, account_id, version, ord)
          WHERE e.stream_id IS NOT NULL
          ORDER BY e.source, e.stream_id, e.ord) f
    CROSS JOIN LATERAL (SELECT CASE WHEN f.version > 1 AND (
            EXISTS (SELECT 1 FROM account_facts a
                    WHERE a.account_id = f.account_id AND a.source = f.source AND a.stream_id IS NULL)
            OR EXISTS (SELECT 1 FROM unnest(p_sources, p_stream_ids, p_account_ids) WITH ORDINALITY
                              AS b(source, stream_id, account_id, ord)
                       WHERE b.ord < f.ord AND b.account_id = f.account_id AND b.source = f.source
                         AND b.stream_id IS NULL))
        THEN f.version ELSE 1 END AS tracked_from) t
    WHERE NOT EXISTS (SELECT 1 FROM projected_streams s WHERE s.source = f.source AND s.stream_id = f.stream_id)
    ORDER BY f.source, f.stream_id;

    -- Every skipped run of versions is a gap, from the version before it (the stream's highest one for the first
    -- element of the stream in the run).
    WITH e AS (
        SELECT e.ord, e.source, e.stream_id, e.version,
               coalesce(lag(e.version) OVER (PARTITION BY e.source, e.stream_id ORDER BY e.ord), s.highest_version)
                   AS previous
        FROM unnest(p_sources, p_stream_ids, p_stream_versions) WITH ORDINALITY AS e(source, stream_id, version, ord)
        JOIN projected_streams s ON s.source = e.source AND s.stream_id = e.stream_id
    ), opened AS (
        INSERT INTO stream_gaps (source, stream_id, from_version, to_version)
        SELECT e.source, e.stream_id, e.previous + 1, e.version - 1 FROM e WHERE e.version - e.previous > 1
    )
    SELECT array_agg(coalesce(e.version - e.previous > 1, false) ORDER BY o.ord) INTO v_gaps
    FROM generate_series(1, array_length(p_event_ids, 1)) AS o(ord) LEFT JOIN e ON e.ord = o.ord;

    -- The highest version and missing count after each element in turn: each raises the highest version to its own,
    -- and the versions skipped below it are missing.
    UPDATE projected_streams s
    SET highest_version = b.highest, missing_events = s.missing_events + (b.highest - s.highest_version - b.elements)
    FROM (SELECT e.source, e.stream_id, max(e.version) AS highest, count(*) AS elements
          FROM unnest(p_sources, p_stream_ids, p_stream_versions) AS e(source, stream_id, version)
          WHERE e.stream_id IS NOT NULL
          GROUP BY e.source, e.stream_id) b
    WHERE s.source = b.source AND s.stream_id = b.stream_id;

    -- No ON CONFLICT: the elements are new, so a conflict is a writer the caller did not expect, and fails the batch.
    INSERT INTO account_facts (event_id, account_id, event_type, source, topic, kafka_partition, kafka_offset, stream_id,
                               stream_version, occurred_at, recorded_at, data)
    SELECT f.event_id, f.account_id, f.event_type, f.source, f.topic, f.kafka_partition, f.kafka_offset, f.stream_id,
           f.stream_version, f.occurred_at, f.recorded_at, f.data::jsonb
    FROM unnest(p_event_ids, p_account_ids, p_types, p_sources, p_topics, p_partitions, p_offsets, p_stream_ids,
                p_stream_versions, p_occurred_at, p_recorded_at, p_data) WITH ORDINALITY
         AS f(event_id, account_id, event_type, source, topic, kafka_partition, kafka_offset, stream_id, stream_version,
              occurred_at, recorded_at, data, ord)
    ORDER BY f.ord;

    -- Every element is projected: the accounts and summaries as project_facts (V5) keeps them.
    INSERT INTO accounts AS a (account_id, first_occurred_at, version)
        SELECT f.account_id, min(f.occurred_at), count(*) FROM unnest(p_account_ids, p_occurred_at) AS f(account_id, occurred_at)
            GROUP BY f.account_id ORDER BY f.account_id
        ON CONFLICT (account_id) DO UPDATE SET first_occurred_at = least(a.first_occurred_at, excluded.first_occurred_at),
                                               version = a.version + excluded.version;
    DELETE FROM account_summaries s
        USING (SELECT f.account_id, min(f.occurred_at) AS earliest FROM unnest(p_account_ids, p_occurred_at) AS f(account_id, occurred_at)
               GROUP BY f.account_id) changed
        WHERE s.account_id = changed.account_id AND s.as_of >= changed.earliest;
    RETURN v_gaps;
END $$;

-- Which elements of a batch are new (see above), judged against the tables before the batch.
CREATE FUNCTION new_facts_in(p_event_ids TEXT[], p_sources TEXT[], p_stream_ids TEXT[], p_stream_versions BIGINT[])
RETURNS BOOLEAN[]
LANGUAGE sql STABLE AS $$
    -- Unknown (a NULL somewhere) counts as not new: project_facts then decides.
    SELECT array_agg(coalesce(NOT (
               e.earlier_same_event > 0
               OR EXISTS (SELECT 1 FROM account_facts f WHERE f.source = e.source AND f.event_id = e.event_id)
               OR (e.stream_id IS NOT NULL AND (
                   e.version IS NULL OR e.version < 1
                   OR e.version <= coalesce(greatest(s.highest_version, e.earlier_highest), 0)
                   OR EXISTS (SELECT 1 FROM account_facts f
                              WHERE f.source = e.source AND f.stream_id = e.stream_id AND f.stream_version = e.version)))),
               false) ORDER BY e.ord)
    FROM (SELECT b.*,
                 count(*) OVER (PARTITION BY b.source, b.event_id ORDER BY b.ord
                                ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS earlier_same_event,
                 max(b.version) OVER (PARTITION BY b.source, b.stream_id ORDER BY b.ord
                                      ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS earlier_highest
          FROM unnest(p_event_ids, p_sources, p_stream_ids, p_stream_versions) WITH ORDINALITY
               AS b(event_id, source, stream_id, version, ord)) e
    LEFT JOIN projected_streams s ON s.source = e.source AND s.stream_id = e.stream_id
$$;

-- What the rebuild calls: runs of new elements set-based, the others through project_facts, in batch order; one
-- statement and one transaction, with project_facts' result rows.
CREATE FUNCTION project_facts_bulk(p_event_ids TEXT[], p_account_ids TEXT[], p_types TEXT[], p_sources TEXT[],
                                   p_topics TEXT[], p_partitions INTEGER[], p_offsets BIGINT[], p_stream_ids TEXT[],
                                   p_stream_versions BIGINT[], p_occurred_at TIMESTAMPTZ[], p_recorded_at TIMESTAMPTZ[],
                                   p_data TEXT[])
RETURNS TABLE (ordinal INTEGER, outcome TEXT, gaps_changed BOOLEAN, kept_event_id TEXT)
LANGUAGE plpgsql AS $$
DECLARE
    v_count INTEGER := coalesce(array_length(p_event_ids, 1), 0);
    v_new   BOOLEAN[] := new_facts_in(p_event_ids, p_sources, p_stream_ids, p_stream_versions);
    v_from  INTEGER := 1;
    v_to    INTEGER;
    v_gaps  BOOLEAN[];
BEGIN
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
