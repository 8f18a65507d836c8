-- Change marks (issue 13, W4): a portfolio report for now used to read every account's state row (accounts joined
-- with current_summaries, 10,000 rows and a 17 MB scan per report). CurrentStatesMirror keeps those states in memory
-- and reads only the rows changed since it last looked: changed_in is the id of the transaction that last wrote the
-- row, set by the database on every insert and update (the default and the trigger), whoever writes it.
--
-- A reader remembers the xmin of the snapshot its read ran in. A transaction whose effects that read did not see was
-- still running or had not started, so its id is at least that xmin: "changed_in >= xmin" finds every row written
-- since, whatever order the writers commit in (a transaction that took its id early and committed late included).
-- The same rule the outbox relies on in the write services.
ALTER TABLE accounts ADD COLUMN changed_in xid8 NOT NULL DEFAULT pg_current_xact_id();
ALTER TABLE current_summaries ADD COLUMN changed_in xid8 NOT NULL DEFAULT pg_current_xact_id();

CREATE FUNCTION mark_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.changed_in := pg_current_xact_id();
    RETURN NEW;
END $$;

CREATE TRIGGER accounts_mark_changed BEFORE INSERT OR UPDATE ON accounts
    FOR EACH ROW EXECUTE FUNCTION mark_changed();
CREATE TRIGGER current_summaries_mark_changed BEFORE INSERT OR UPDATE ON current_summaries
    FOR EACH ROW EXECUTE FUNCTION mark_changed();

-- accounts is small (a seq scan of 10,000 rows reads ~160 pages) and updated with every projected fact: no index, so
-- those updates stay HOT. current_summaries holds the summary documents (17 MB at 10,000 accounts): indexed.
CREATE INDEX current_summaries_by_change ON current_summaries (changed_in);
