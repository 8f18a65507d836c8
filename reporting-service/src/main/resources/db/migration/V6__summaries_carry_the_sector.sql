-- Account summaries now carry the account's sector (the key-status review's strategic-fit criterion). Summaries kept
-- before lack it: past points are dropped (computed again when asked; the month ends by the background keeper), and
-- current summaries are marked stale (version -1) so the refresher recomputes them while reports keep answering.
DELETE FROM account_summaries;
DELETE FROM summary_points;
UPDATE current_summaries SET version = -1;
